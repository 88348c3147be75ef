package org.mapwork.templates.toc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.templates.common.Hierarchy;
import org.mapwork.templates.common.LayoutSupport;
import org.mapwork.templates.common.LayoutSupport.Box;

/**
 * The theory of change from bottom to top: interventions under what they act on, preconditions in ranks, the
 * long-term outcome at the top of the pathway, the impact above it, and the ceiling of accountability moved to run
 * between the impact and the long-term outcome.
 */
final class TheoryOfChangeLayout {

    static final double MARGIN = 40, IMPACT_GAP = 130;

    private TheoryOfChangeLayout() {
    }

    static ChangeSet layout(MapDocument doc, Set<String> selection) {
        Map<String, Box> old = LayoutSupport.boxes(doc);
        Set<String> moving = new LinkedHashSet<>();
        old.keySet().stream().filter(id -> selection.isEmpty() || selection.contains(id)).forEach(moving::add);
        Map<String, Box> pathway = new LinkedHashMap<>();
        List<Element> impacts = new ArrayList<>();
        for (String id : moving) {
            Element n = doc.element(id);
            Box b = old.get(id);
            double w = b.w() > 1 ? b.w() : 200, h = b.h() > 1 ? b.h() : 70;
            if (n.type().equals(TheoryOfChangeTemplate.IMPACT)) {
                impacts.add(n);
                pathway.put(id, new Box(b.x(), b.y(), w, h));
            } else {
                pathway.put(id, new Box(0, 0, w, h));
            }
        }
        List<String[]> arcs = new ArrayList<>();
        doc.links().filter(l -> l.type().equals(TheoryOfChangeTemplate.CAUSAL))
                .filter(l -> !isImpact(doc, l.target()))
                .forEach(l -> arcs.add(new String[]{l.source(), l.target()}));
        doc.nodes().filter(n -> n.type().equals(TheoryOfChangeTemplate.INTERVENTION)).forEach(i -> {
            Element at = TheoryOfChangeTemplate.attachment(doc, i);
            if (at != null) {
                arcs.add(new String[]{i.id(), at.isLink() ? at.target() : at.id()});
            }
        });
        Map<String, Box> ranked = new LinkedHashMap<>(pathway);
        impacts.forEach(i -> ranked.remove(i.id()));
        Map<String, Box> placed = new LinkedHashMap<>(Hierarchy.bottomUp(ranked, arcs, 40, 70));
        // the impact sits above the whole pathway, centred over the long-term outcome(s)
        double top = placed.values().stream().mapToDouble(Box::y).min().orElse(0);
        double centre = placed.entrySet().stream().filter(e -> isType(doc, e.getKey(), TheoryOfChangeTemplate.LONG_TERM))
                .mapToDouble(e -> e.getValue().cx()).average()
                .orElse(placed.values().stream().mapToDouble(Box::cx).average().orElse(0));
        double rowWidth = impacts.stream().mapToDouble(i -> pathway.get(i.id()).w() + 40).sum() - 40;
        double x = centre - rowWidth / 2;
        for (Element i : impacts) {
            Box b = pathway.get(i.id());
            placed.put(i.id(), new Box(x, top - IMPACT_GAP - b.h(), b.w(), b.h()));
            x += b.w() + 40;
        }
        Map<String, Box> all = new LinkedHashMap<>(old);
        all.putAll(placed);
        if (selection.isEmpty()) {
            double minX = placed.values().stream().mapToDouble(Box::x).min().orElse(MARGIN);
            double minY = placed.values().stream().mapToDouble(Box::y).min().orElse(MARGIN);
            all.replaceAll((id, b) -> b.at(b.x() - minX + MARGIN, b.y() - minY + MARGIN));
        } else {
            LayoutSupport.keepInPlace(all, old, moving);
        }
        // no pass that pushes boxes off links here: with ELK's ordering it added half as many crossings again and
        // left as many links through boxes as before (bench TocCrossings, docs/adr/0012-elk-for-layered-layouts.md)
        LayoutSupport.separate(all, moving, 24);
        List<Change> extra = new ArrayList<>();
        Double ceiling = ceiling(doc, all);
        if (ceiling != null && !(doc.mapAttribute(TheoryOfChangeTemplate.CEILING_Y) instanceof Value.Decimal d && d.value() == ceiling)) {
            extra.add(Change.setMapAttribute(TheoryOfChangeTemplate.CEILING_Y, Value.decimal(ceiling)));
        }
        return LayoutSupport.changeSet(doc, all, "theory of change layout", extra);
    }

    /** Halfway between the lowest impact's bottom and the highest long-term outcome's top, when both exist. */
    static Double ceiling(MapDocument doc, Map<String, Box> boxes) {
        double impactBottom = Double.NEGATIVE_INFINITY, outcomeTop = Double.POSITIVE_INFINITY;
        for (Map.Entry<String, Box> e : boxes.entrySet()) {
            if (isType(doc, e.getKey(), TheoryOfChangeTemplate.IMPACT)) {
                impactBottom = Math.max(impactBottom, e.getValue().y() + e.getValue().h());
            } else if (isType(doc, e.getKey(), TheoryOfChangeTemplate.LONG_TERM)) {
                outcomeTop = Math.min(outcomeTop, e.getValue().y());
            }
        }
        if (impactBottom == Double.NEGATIVE_INFINITY || outcomeTop == Double.POSITIVE_INFINITY) {
            return null;
        }
        return LayoutSupport.round((LayoutSupport.round(impactBottom) + LayoutSupport.round(outcomeTop)) / 2);
    }

    private static boolean isImpact(MapDocument doc, String id) {
        return isType(doc, id, TheoryOfChangeTemplate.IMPACT);
    }

    private static boolean isType(MapDocument doc, String id, String type) {
        Element e = doc.element(id);
        return e != null && e.type().equals(type);
    }
}
