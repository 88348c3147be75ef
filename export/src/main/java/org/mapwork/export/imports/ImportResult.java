package org.mapwork.export.imports;

import java.util.List;

import org.mapwork.model.MapDocument;

/**
 * An imported map and what did not come across (columns with no matching attribute, unknown types replaced),
 * so the person importing can see what was left behind.
 */
public record ImportResult(MapDocument document, List<String> warnings) {
    public ImportResult {
        warnings = List.copyOf(warnings);
    }
}
