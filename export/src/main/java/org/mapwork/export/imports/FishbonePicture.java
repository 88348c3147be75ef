package org.mapwork.export.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mapwork.model.ElementKind;
import org.mapwork.model.schema.Schema;
import org.mapwork.templates.fishbone.FishboneTemplate;

/**
 * Reads a fishbone (Ishikawa) diagram drawn in draw.io, where nothing says which shape is what: the head, the
 * categories and the causes are told apart by how they are drawn, and which bone a cause sits on by where it lies.
 * The rule, in order:
 * <ol>
 *   <li>Only labelled shapes take part (and the head, which may be left empty); a shape whose file names its type
 *       keeps it. Unlabelled arrow shapes are lines of the picture, like connectors.</li>
 *   <li>The <b>head</b> is the box (a shape that is neither a text cell nor an arrow shape) that most connectors point
 *       at with an arrowhead; ties go to the heaviest outline, then the largest font, then the largest box.</li>
 *   <li>The other labelled boxes are <b>categories</b>; a labelled arrow shape is a <b>cause</b> (its text lies on a
 *       bone).</li>
 *   <li>Text cells (draw.io's "Text" shape, or neither fill nor outline) are <b>causes</b> when they have the largest
 *       font among the text cells, <b>sub-causes</b> when smaller.</li>
 *   <li>The spine runs through the head's centre, along the axis on which the head lies furthest from the boxes'
 *       middle. A cause sits on the bone of a category on its side of the spine that passes nearest to it; a bone is
 *       the connector leaving the category (or, where none is drawn, the straight line from the category to the
 *       spine). A sub-cause sits on the nearest cause on its side of the spine.</li>
 * </ol>
 * Each placement becomes an "on" link. A cause joined by a drawn connector (attached, or with both ends within a few
 * units of the two shapes) to a shape one step up the fishbone sits there instead; one bone per cause.
 */
final class FishbonePicture {

    private final List<DrawioShape> shapes;
    private final Map<String, String> types = new LinkedHashMap<>();
    private DrawioShape head;
    private boolean horizontal = true;

    /** A drawn connector's two ends, in page coordinates, and whether it ends in an arrowhead. */
    record Line(double x1, double y1, double x2, double y2, boolean arrowAtEnd) {
    }

    private FishbonePicture(List<DrawioShape> shapes) {
        this.shapes = shapes;
    }

    /** Whether a method's maps are fishbones (it has a head, categories and causes). */
    static boolean fits(Schema schema) {
        List<String> names = schema.typeNames(ElementKind.NODE, Map.of());
        return names.contains(FishboneTemplate.HEAD) && names.contains(FishboneTemplate.CATEGORY) && names.contains(FishboneTemplate.CAUSE);
    }

    /**
     * The type of each labelled shape by the rule above; {@code given} holds types the file names itself.
     */
    static FishbonePicture read(List<DrawioShape> all, List<Line> lines, Map<String, String> given) {
        List<DrawioShape> labelled = all.stream().filter(s -> !s.label().isBlank() || given.containsKey(s.id())).toList();
        // a head may be left empty for the group to fill in: unlabelled boxes may be the head, nothing else
        List<DrawioShape> candidates = all.stream().filter(s -> !s.isText() && !s.isArrowShape() && !given.containsKey(s.id())
                && s.width() > 0 && s.height() > 0).toList();
        FishbonePicture p = new FishbonePicture(new ArrayList<>(labelled));
        Map<DrawioShape, Integer> arrows = new HashMap<>();
        for (Line l : lines) {
            if (l.arrowAtEnd()) {
                DrawioShape s = DrawioShape.at(labelled, l.x2(), l.y2());
                if (s != null) {
                    arrows.merge(s, 1, Integer::sum);
                }
            }
        }
        List<DrawioShape> boxes = labelled.stream().filter(s -> !s.isText() && !s.isArrowShape() && !given.containsKey(s.id())).toList();
        p.head = labelled.stream().filter(s -> FishboneTemplate.HEAD.equals(given.get(s.id()))).findFirst().orElse(
                candidates.stream().max(Comparator.<DrawioShape>comparingInt(s -> arrows.getOrDefault(s, 0))
                        .thenComparingDouble(DrawioShape::strokeWidth).thenComparingDouble(DrawioShape::fontSize)
                        .thenComparingDouble(DrawioShape::area)).orElse(null));
        double largestText = labelled.stream().filter(DrawioShape::isText).mapToDouble(DrawioShape::fontSize).max().orElse(0);
        if (p.head != null && !labelled.contains(p.head)) {
            List<DrawioShape> withHead = new ArrayList<>(labelled);
            withHead.add(p.head);
            labelled = withHead;
            p.shapes.add(p.head);
        }
        for (DrawioShape s : labelled) {
            String type = given.get(s.id());
            if (type == null) {
                type = s == p.head ? FishboneTemplate.HEAD : s.isArrowShape() ? FishboneTemplate.CAUSE
                        : !s.isText() ? FishboneTemplate.CATEGORY
                        : s.fontSize() >= largestText ? FishboneTemplate.CAUSE : FishboneTemplate.SUBCAUSE;
            }
            p.types.put(s.id(), type);
        }
        if (p.head != null && !boxes.isEmpty()) {
            double mx = boxes.stream().mapToDouble(DrawioShape::centerX).average().orElse(0);
            double my = boxes.stream().mapToDouble(DrawioShape::centerY).average().orElse(0);
            p.horizontal = Math.abs(p.head.centerX() - mx) >= Math.abs(p.head.centerY() - my);
        }
        return p;
    }

    /**
     * Whether a drawn connector from a shape of one type to one of another may stand for "sits on": only up the
     * fishbone (sub-cause to cause, cause to category). Loose connector ends that merely touch two small text cells
     * (a rib crossing its neighbour's) then do not chain causes sideways.
     */
    static boolean upward(String sourceType, String targetType) {
        List<String> ranks = List.of(FishboneTemplate.HEAD, FishboneTemplate.CATEGORY, FishboneTemplate.CAUSE, FishboneTemplate.SUBCAUSE);
        int s = ranks.indexOf(sourceType), t = ranks.indexOf(targetType);
        return s >= 0 && t >= 0 && t < s;
    }

    Map<String, String> types() {
        return types;
    }

    /**
     * Where each cause and sub-cause sits: cause id to the id of its category (or, for a sub-cause, its cause).
     * Shapes in {@code placed} (already joined by a drawn connector) are left out.
     */
    Map<String, String> placements(List<Line> lines, Set<String> placed) {
        Map<String, String> out = new LinkedHashMap<>();
        if (head == null) {
            return out;
        }
        List<DrawioShape> categories = ofType(FishboneTemplate.CATEGORY);
        Map<DrawioShape, double[]> bones = new HashMap<>();
        for (DrawioShape c : categories) {
            bones.put(c, bone(c, lines));
        }
        List<DrawioShape> causes = ofType(FishboneTemplate.CAUSE);
        for (DrawioShape cause : causes) {
            if (placed.contains(cause.id())) {
                continue;
            }
            DrawioShape best = null;
            double bestDistance = Double.MAX_VALUE;
            for (DrawioShape c : sameSide(cause, categories)) {
                double[] b = bones.get(c);
                double d = segmentDistance(cause.centerX(), cause.centerY(), b[0], b[1], b[2], b[3]);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = c;
                }
            }
            if (best != null) {
                out.put(cause.id(), best.id());
            }
        }
        for (DrawioShape sub : ofType(FishboneTemplate.SUBCAUSE)) {
            if (placed.contains(sub.id())) {
                continue;
            }
            sameSide(sub, causes).stream()
                    .min(Comparator.comparingDouble(c -> Math.hypot(c.centerX() - sub.centerX(), c.centerY() - sub.centerY())))
                    .ifPresent(c -> out.put(sub.id(), c.id()));
        }
        return out;
    }

    private List<DrawioShape> ofType(String type) {
        return shapes.stream().filter(s -> type.equals(types.get(s.id()))).toList();
    }

    /** Which side of the spine a shape lies on: -1, 0 (on it) or 1. */
    private int side(DrawioShape s) {
        double d = horizontal ? s.centerY() - head.centerY() : s.centerX() - head.centerX();
        return (int) Math.signum(Math.abs(d) < 1 ? 0 : d);
    }

    private List<DrawioShape> sameSide(DrawioShape s, List<DrawioShape> candidates) {
        int side = side(s);
        List<DrawioShape> out = new ArrayList<>(candidates.stream().filter(c -> side == 0 || side(c) == side).toList());
        return out.isEmpty() ? candidates : out;
    }

    /** The category's bone: from the category's centre to the far end of the connector leaving it, or to the spine. */
    private double[] bone(DrawioShape c, List<Line> lines) {
        for (Line l : lines) {
            boolean fromHere = c.touches(l.x1(), l.y1()), toHere = c.touches(l.x2(), l.y2());
            if (fromHere != toHere) {
                return fromHere ? new double[] {c.centerX(), c.centerY(), l.x2(), l.y2()}
                        : new double[] {c.centerX(), c.centerY(), l.x1(), l.y1()};
            }
        }
        return horizontal ? new double[] {c.centerX(), c.centerY(), c.centerX(), head.centerY()}
                : new double[] {c.centerX(), c.centerY(), head.centerX(), c.centerY()};
    }

    static double segmentDistance(double px, double py, double x1, double y1, double x2, double y2) {
        double dx = x2 - x1, dy = y2 - y1;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / len2));
        return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
    }
}
