package org.mapwork.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;
import org.mapwork.model.OrderKey;
import org.mapwork.model.Value;
import org.mapwork.model.schema.Schema;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;
import org.mapwork.templates.netmap.Actors;

/**
 * A big Net-Map power map for drawing benchmarks, reproducible from a seed: the real {@code net-map} method, so the
 * painter draws what a workshop's map shows — actors shaped and tinted by actor type with the type named on them,
 * influence towers, goal badges, links coloured by the map's own link types, the framing question as heading.
 *
 * <p>It starts from the method's empty starter (framing question, default link types) and adds five goals, then
 * {@code nodes} actors on a jittered grid and {@code links} links, all in one change set through
 * {@link ChangeEngine#apply}, so every element passes the schema's rules as it would in the editor.
 *
 * <p>Links are mostly local, as on a laid-out map: {@value #LOCAL_PERCENT} % join actors at most
 * {@value #NEIGHBOURHOOD} grid steps apart in each direction, the rest join any two actors (long lines across the
 * map). A few pairs get two link types (parallel lines).
 */
public final class BigNetMap {

    /** The method drawn. */
    public static final String METHOD = "net-map";
    /** Share of links between neighbours on the grid. */
    public static final int LOCAL_PERCENT = 85;
    /** How far apart, in grid steps, neighbours may be. */
    public static final int NEIGHBOURHOOD = 3;
    /** Grid pitch: actors are about 150 × 60, towers stand to their right, badges on their top edge. */
    public static final double STEP_X = 230, STEP_Y = 140;

    private static final String[] WHO = {"Eastside", "Harbor", "County", "Northgate", "Riverside", "Central", "Valley",
        "Metro", "Westend", "Lakeside", "Southside", "Hillcrest"};
    private static final String[] WHAT = {"Worker Center", "Service Workers Union", "Public Health Dept.", "Clinic",
        "Staffing Agency", "City Council Office", "Mayor's Office", "Legal Aid Society", "Community Church",
        "Delivery App Co.", "Warehouse Operator", "Day Laborer Network", "Chamber of Commerce", "University Lab",
        "Local Newspaper", "Workforce Board", "Family Foundation", "Tenants' Union"};

    private BigNetMap() {
    }

    /** The Net-Map method's schema. */
    public static Schema schema() {
        return method().schema();
    }

    static MethodTemplate method() {
        return Methods.byId(METHOD).orElseThrow(() -> new IllegalStateException("no method " + METHOD));
    }

    /** {@code nodes} actors and {@code links} links; the same seed gives the same map. */
    public static MapDocument generate(int nodes, int links, long seed) {
        return generate(nodes, links, seed, true, null);
    }

    /**
     * A variant for finding out where drawing time goes: without influence towers and goals (so no badges) when
     * {@code towersAndGoals} is false; with links only of the named types when {@code onlyLinkTypes} is not null.
     */
    public static MapDocument generate(int nodes, int links, long seed, boolean towersAndGoals, List<String> onlyLinkTypes) {
        Schema schema = schema();
        MapDocument starter = method().starter(false, Locale.ENGLISH);
        Random r = new Random(seed);
        List<Change> changes = new ArrayList<>(nodes + links + 2);
        changes.add(Change.setTitle("Benchmark power map (" + nodes + " actors, " + links + " links)"));
        changes.add(Change.setMapAttribute(Actors.GOALS, new Value.Rows(List.of(
                goal("pass", "Pass a paid sick leave ordinance that covers temp and gig workers", "for"),
                goal("enforce", "Strong enforcement with a complaint line", "for"),
                goal("block", "Block or delay the ordinance", "against"),
                goal("exempt", "Exempt staffing agencies and app companies", "against"),
                goal("budget", "Keep city enforcement costs down", "neutral")))));
        List<String> goalIds = List.of("pass", "enforce", "block", "exempt", "budget");
        List<String> linkTypes = new ArrayList<>(schema.linkTypesOf(starter.mapAttributes()).keySet());
        if (onlyLinkTypes != null) {
            linkTypes.retainAll(onlyLinkTypes);
        }
        if (linkTypes.isEmpty()) {
            throw new IllegalStateException("the Net-Map starter defines no link types");
        }

        int columns = (int) Math.ceil(Math.sqrt(nodes));
        String order = starter.nextOrderKey();
        for (int i = 0; i < nodes; i++) {
            int col = i % columns, row = i / columns;
            double w = 130 + r.nextInt(40), h = 56 + r.nextInt(10);
            double x = col * STEP_X + r.nextInt(30), y = row * STEP_Y + r.nextInt(30);
            Map<String, Value> attrs = new LinkedHashMap<>();
            attrs.put(Actors.ACTOR_TYPE, Value.text(Actors.ACTOR_TYPES.get(r.nextInt(Actors.ACTOR_TYPES.size()))));
            int held = towersAndGoals ? r.nextInt(4) : 0; // 0..3 goals; a few of those without say "we don't know"
            if (held > 0) {
                List<String> mine = new ArrayList<>(goalIds);
                java.util.Collections.shuffle(mine, r);
                attrs.put(Actors.GOALS, new Value.TextList(mine.subList(0, held)));
            } else if (r.nextBoolean() && towersAndGoals) {
                attrs.put(Actors.GOAL_UNKNOWN, Value.bool(true));
            }
            if (r.nextInt(10) < 9) {
                Value.Int influence = Value.integer(r.nextInt(11));
                if (towersAndGoals) {
                    attrs.put(Actors.INFLUENCE, influence);
                }
            }
            String label = WHO[r.nextInt(WHO.length)] + " " + WHAT[r.nextInt(WHAT.length)] + " " + i;
            Element e = new Element("a" + i, org.mapwork.model.ElementKind.NODE, Actors.TYPE, label, attrs,
                    Geometry.box(x, y, w, h), org.mapwork.model.Style.DEFAULT, order, null, null);
            changes.add(Change.add(e));
            order = OrderKey.after(order);
        }
        int rows = (nodes + columns - 1) / columns;
        for (int i = 0; i < links; i++) {
            int a = r.nextInt(nodes);
            int b;
            if (r.nextInt(100) < LOCAL_PERCENT) {
                int col, row;
                do {
                    col = a % columns + r.nextInt(2 * NEIGHBOURHOOD + 1) - NEIGHBOURHOOD;
                    row = a / columns + r.nextInt(2 * NEIGHBOURHOOD + 1) - NEIGHBOURHOOD;
                    b = row * columns + col;
                } while (col < 0 || col >= columns || row < 0 || row >= rows || b == a || b >= nodes);
            } else {
                b = (a + 1 + r.nextInt(nodes - 1)) % nodes;
            }
            String type = linkTypes.get(r.nextInt(linkTypes.size()));
            changes.add(Change.add(Element.link("l" + i, type, "a" + a, "a" + b, order)));
            order = OrderKey.after(order);
        }
        return ChangeEngine.apply(starter, schema, ChangeSet.of("generate a benchmark power map", changes)).after();
    }

    private static Map<String, Value> goal(String id, String label, String stance) {
        Map<String, Value> row = new LinkedHashMap<>();
        row.put("id", Value.text(id));
        row.put("label", Value.text(label));
        row.put("stance", Value.text(stance));
        return row;
    }
}
