package org.mapwork.templates;

import java.util.List;

/**
 * One result of a live check.
 *
 * @param severity   how much it matters
 * @param rule       a stable rule id, e.g. {@code toc.outcome-without-indicator}
 * @param elementIds the elements concerned (a click in the editor selects them)
 * @param message    a plain-language message, e.g. "“Workers know their rights” has no indicator yet."
 */
public record Finding(Severity severity, String rule, List<String> elementIds, String message) {

    public Finding {
        elementIds = List.copyOf(elementIds);
    }

    public enum Severity { ERROR, WARNING, INFO }
}
