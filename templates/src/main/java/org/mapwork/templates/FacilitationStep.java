package org.mapwork.templates;

import java.time.Duration;
import java.util.List;

/**
 * One step of a method's facilitation, in one language.
 *
 * @param id        stable id, e.g. {@code net-map.links}
 * @param title     short title, e.g. "How are they linked?"
 * @param question  the guiding question to ask the group
 * @param whatToAdd what the group adds in this step (types to use)
 * @param addTypes  the node/link types this step adds, for the palette to highlight
 * @param timeBox   a suggested time box
 */
public record FacilitationStep(String id, String title, String question, String whatToAdd, List<String> addTypes,
                               Duration timeBox) {
    public FacilitationStep {
        addTypes = List.copyOf(addTypes);
    }
}
