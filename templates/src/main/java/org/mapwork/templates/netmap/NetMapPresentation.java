package org.mapwork.templates.netmap;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
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
 * How a power map looks: actors shaped and tinted by family of actor type (the type named on the node), influence
 * towers, an "Us" badge on the map's own organisation, one badge per goal (+ − = ?), link colours from the map's link types, the framing question as heading.
 * Shared by Net-Map and the power/interest grid.
 */
public class NetMapPresentation extends TypedPresentation {

    public NetMapPresentation(Schema schema, Function<MapDocument, Texts> texts) {
        super(schema, texts, Map.of(), Map.of());
    }

    @Override
    protected NodeStyle nodeStyle(MapDocument doc, Element node) {
        String[] look = Actors.look(Actors.actorType(node));
        return new NodeStyle(look[0], look[1], look[2], Palette.TEXT, null);
    }

    @Override
    protected String typeLabel(MapDocument doc, Element node) {
        return node.attribute(Actors.ACTOR_TYPE) instanceof Value.Text t
                ? texts.apply(doc).option(Actors.ACTOR_TYPE, t.value()) : null;
    }

    @Override
    public OptionalLong tower(Element node) {
        long h = Actors.influence(node);
        return h >= 0 ? OptionalLong.of(h) : OptionalLong.empty();
    }

    @Override
    public List<Badge> badges(MapDocument doc, Element node) {
        return Actors.badges(doc, node, texts.apply(doc));
    }

    @Override
    public List<Backdrop> backdrops(MapDocument doc) {
        if (doc.mapAttribute(Actors.FRAMING_QUESTION) instanceof Value.Text q && !q.value().isBlank()) {
            return List.of(new Backdrop.Heading(q.value()));
        }
        return List.of();
    }

    /** Actor types used, then link types used, then "This is us" when an actor is marked so, then the goals with their stance badges. */
    @Override
    public List<LegendEntry> legend(MapDocument doc) {
        Texts t = texts.apply(doc);
        List<LegendEntry> out = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        doc.nodes().forEach(n -> used.add(Actors.actorType(n)));
        for (String type : Actors.ACTOR_TYPES) {
            if (used.contains(type)) {
                String[] look = Actors.look(type);
                out.add(new LegendEntry(LegendEntry.Kind.NODE, t.option(Actors.ACTOR_TYPE, type), look[1], look[0], null, null, false));
            }
        }
        for (LegendEntry e : super.legend(doc)) {
            if (e.kind() == LegendEntry.Kind.LINK) {
                out.add(e);
            }
        }
        if (doc.nodes().anyMatch(Actors::isOurs)) {
            Badge us = Actors.oursBadge(t);
            out.add(new LegendEntry(LegendEntry.Kind.NODE, us.text() + ": " + us.title(), us.colour(), "circle", null, null, false));
        }
        for (Actors.Goal g : Actors.goals(doc).values()) {
            Badge b = Actors.stanceBadge(g.stance(), g.label());
            out.add(new LegendEntry(LegendEntry.Kind.NODE, b.text() + " " + t.option("stance", g.stance()) + ": " + g.label(),
                    b.colour(), "circle", null, null, false));
        }
        return out;
    }
}
