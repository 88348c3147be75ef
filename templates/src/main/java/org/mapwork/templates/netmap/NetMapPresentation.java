package org.mapwork.templates.netmap;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
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

    /** Actor types used (one line per look), then link types used, then "This is us" when an actor is marked so, then the goals by stance badge. */
    @Override
    public List<LegendEntry> legend(MapDocument doc) {
        Texts t = texts.apply(doc);
        List<LegendEntry> out = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        doc.nodes().forEach(n -> used.add(Actors.actorType(n)));
        // several actor types share a look (a union and a worker center are both community organisations): one line
        // per look, naming every used type drawn so, never two lines with the same swatch
        Map<String, List<String>> byLook = new LinkedHashMap<>();
        for (String type : Actors.ACTOR_TYPES) {
            if (used.contains(type)) {
                byLook.computeIfAbsent(String.join(" ", Actors.look(type)), k -> new ArrayList<>()).add(t.option(Actors.ACTOR_TYPE, type));
            }
        }
        byLook.forEach((look, names) -> {
            String[] l = look.split(" ");
            out.add(new LegendEntry(LegendEntry.Kind.NODE, String.join(", ", names), l[1], l[0], null, null, false));
        });
        for (LegendEntry e : super.legend(doc)) {
            if (e.kind() == LegendEntry.Kind.LINK) {
                out.add(e);
            }
        }
        if (doc.nodes().anyMatch(Actors::isOurs)) {
            Badge us = Actors.oursBadge(t);
            out.add(new LegendEntry(LegendEntry.Kind.NODE, us.text() + ": " + us.title(), us.colour(), "circle", null, null, false));
        }
        // an actor's badge shows the stance, not which goal: one line per stance, naming its goals
        Map<String, List<String>> byStance = new LinkedHashMap<>();
        for (Actors.Goal g : Actors.goals(doc).values()) {
            byStance.computeIfAbsent(g.stance(), k -> new ArrayList<>()).add(g.label());
        }
        byStance.forEach((stance, goals) -> {
            Badge b = Actors.stanceBadge(stance, "");
            out.add(new LegendEntry(LegendEntry.Kind.NODE, b.text() + " " + t.option("stance", stance) + ": " + String.join("; ", goals),
                    b.colour(), "circle", null, null, false));
        });
        return out;
    }
}
