package org.mapwork.templates.workshop;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;

/**
 * Two teams' takes on the Net-Map example: team A draws the example as it is; team B writes "chamber of  commerce"
 * (case and spacing), "Office of Labour Standards" (one letter more), "Mayors Office", gives the union a tower of 3
 * instead of 5, leaves out the union's conflict with the app companies, adds a tenants' union tied to the worker
 * center, and has its own element ids (every id prefixed "b-"), so matching has to go by name.
 */
final class TeamVariants {

    static final MethodTemplate NET_MAP = Methods.byId("net-map").orElseThrow();

    private TeamVariants() {
    }

    static TeamMap teamA() {
        return new TeamMap("Team A", NET_MAP.starter(true, Locale.ENGLISH));
    }

    static TeamMap teamB() {
        MapDocument doc = NET_MAP.starter(true, Locale.ENGLISH);
        doc = ChangeEngine.apply(doc, NET_MAP.schema(), ChangeSet.of("team B",
                Change.setLabel("chamber", "chamber of  commerce"),
                Change.setLabel("labor-standards", "Office of Labour Standards"),
                Change.setLabel("mayor", "Mayors Office"),
                Change.setAttribute("union", "influence", Value.integer(3)),
                Change.remove("l-30"))).after();
        List<Element> elements = new ArrayList<>();
        doc.nodes().forEach(n -> elements.add(n.withId("b-" + n.id())));
        elements.add(doc.element("worker-center").withId("b-tenants").withLabel("Tenants' Union")
                .withAttribute("influence", Value.integer(2)).withOrder(doc.nextOrderKey()));
        doc.links().forEach(l -> elements.add(l.withId("b-" + l.id()).withEndpoints("b-" + l.source(), "b-" + l.target())));
        elements.add(doc.element("l-35").withId("b-l-tenants").withEndpoints("b-worker-center", "b-tenants"));
        MapDocument empty = MapDocument.empty("team-b", doc.title(), doc.methodId(), Instant.parse("2026-01-10T09:00:00Z"));
        List<Change> attrs = new ArrayList<>();
        doc.mapAttributes().forEach((k, v) -> attrs.add(Change.setMapAttribute(k, v)));
        MapDocument withAttrs = ChangeEngine.apply(empty, NET_MAP.schema(), ChangeSet.of("attributes", attrs)).after();
        return new TeamMap("Team B", ChangeEngine.addAll(withAttrs, NET_MAP.schema(), elements));
    }
}
