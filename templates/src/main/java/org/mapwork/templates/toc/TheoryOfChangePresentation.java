package org.mapwork.templates.toc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.model.schema.Schema;
import org.mapwork.templates.Backdrop;
import org.mapwork.templates.Badge;
import org.mapwork.templates.LegendEntry;
import org.mapwork.templates.common.Palette;
import org.mapwork.templates.common.Texts;
import org.mapwork.templates.common.TypedPresentation;

/**
 * How a theory of change looks: impact, long-term outcome, preconditions and interventions in distinct shapes and
 * tints; badges for indicators ("I2", or "I?" when none yet; on screen only) and assumptions ("A"); the ceiling of accountability
 * as a dashed line; a connector from each intervention to what it acts on.
 */
final class TheoryOfChangePresentation extends TypedPresentation {

    static final String CEILING_COLOUR = "#4D4D4D";

    TheoryOfChangePresentation(Schema schema, Function<MapDocument, Texts> texts) {
        super(schema, texts, Map.of(
                TheoryOfChangeTemplate.IMPACT, new NodeStyle("cloud", Palette.TINT_PURPLE, Palette.REDDISH_PURPLE, Palette.TEXT, null),
                TheoryOfChangeTemplate.LONG_TERM, new NodeStyle("rectangle", Palette.TINT_BLUE, Palette.BLUE, Palette.TEXT, null),
                TheoryOfChangeTemplate.PRECONDITION, new NodeStyle("rounded", Palette.TINT_SKY_BLUE, Palette.SKY_BLUE, Palette.TEXT, null),
                TheoryOfChangeTemplate.INTERVENTION, new NodeStyle("hexagon", Palette.TINT_ORANGE, Palette.ORANGE, Palette.TEXT, null)),
                Map.of(TheoryOfChangeTemplate.CAUSAL, new LinkStyle("#333333", true, "solid", 1.8)));
    }

    @Override
    public List<Badge> badges(MapDocument doc, Element node) {
        Texts t = texts.apply(doc);
        List<Badge> out = new ArrayList<>();
        if (TheoryOfChangeTemplate.OUTCOMES.contains(node.type())) {
            int n = TheoryOfChangeTemplate.indicators(node).size();
            // editor aids: a file shows the indicators in its report instead (a table under the figure)
            out.add(n == 0 ? new Badge("I?", Palette.YELLOW, t.get("badge.noIndicator"), Badge.Kind.EDITOR_AID)
                    : new Badge("I" + (n > 9 ? "+" : Integer.toString(n)), Palette.BLUISH_GREEN, t.format("badge.indicators", n),
                    Badge.Kind.EDITOR_AID));
        }
        if (node.attribute(TheoryOfChangeTemplate.ASSUMPTIONS) instanceof Value.Text a && !a.value().isBlank()) {
            out.add(new Badge("A", Palette.SKY_BLUE, t.get("attr.assumptions") + ": " + a.value()));
        }
        return out;
    }

    @Override
    public List<Backdrop> backdrops(MapDocument doc) {
        List<Backdrop> out = new ArrayList<>();
        if (doc.mapAttribute(TheoryOfChangeTemplate.CEILING_Y) instanceof Value.Decimal y) {
            out.add(new Backdrop.HorizontalLine(y.value(), texts.apply(doc).get("ceiling"), CEILING_COLOUR));
        }
        doc.nodes().filter(n -> n.type().equals(TheoryOfChangeTemplate.INTERVENTION)).forEach(i -> {
            Element at = TheoryOfChangeTemplate.attachment(doc, i);
            if (at == null) {
                return;
            }
            double tx, ty;
            if (at.isLink()) {
                Element s = doc.element(at.source()), e = doc.element(at.target());
                tx = (s.geometry().centerX() + e.geometry().centerX()) / 2;
                ty = (s.geometry().centerY() + e.geometry().centerY()) / 2;
            } else {
                tx = at.geometry().centerX();
                ty = at.geometry().y() + at.geometry().height();
            }
            out.add(new Backdrop.Line(i.geometry().centerX(), i.geometry().y(), tx, ty, Palette.ORANGE, 1.5, true));
        });
        return out;
    }

    @Override
    public List<LegendEntry> legend(MapDocument doc) {
        Texts t = texts.apply(doc);
        List<LegendEntry> out = new ArrayList<>(super.legend(doc));
        if (doc.nodes().anyMatch(n -> n.type().equals(TheoryOfChangeTemplate.INTERVENTION))) {
            out.add(new LegendEntry(LegendEntry.Kind.LINK, t.get("legend.actsOn"), Palette.ORANGE, null, null, "solid", true));
        }
        if (doc.mapAttribute(TheoryOfChangeTemplate.CEILING_Y) instanceof Value.Decimal) {
            out.add(new LegendEntry(LegendEntry.Kind.LINK, t.get("ceiling"), CEILING_COLOUR, null, null, "dashed", false));
        }
        return out;
    }
}
