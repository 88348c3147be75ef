package org.mapwork.app.cli;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.mapwork.model.Change;
import org.mapwork.store.RevisionState;
import org.mapwork.templates.AnalysisReport;

/**
 * A map's change log fit to leave the room ({@code mapwork library log --share-safe}): when each revision was made,
 * by "author 1", "author 2", ... in the order they first appear, what kind of property each change wrote, to which
 * element ("e1", "e2", ... in the order first touched). Authors' names, labels, values, element ids (often made from
 * names) and summaries are left out.
 */
final class ShareSafeLog {

    private ShareSafeLog() {
    }

    static AnalysisReport of(Iterator<RevisionState> revisions, Function<java.time.Instant, String> time) {
        Map<String, String> authors = new LinkedHashMap<>();
        Map<String, String> elements = new LinkedHashMap<>();
        AnalysisReport.Rows rows = new AnalysisReport.Rows();
        while (revisions.hasNext()) {
            RevisionState s = revisions.next();
            for (Change c : s.changeSet().changes()) {
                String author = c.stamp() == null ? "" : authors.computeIfAbsent(c.stamp().actor(), a -> "author " + (authors.size() + 1));
                String element = c.elementId() == null ? "" : elements.computeIfAbsent(c.elementId(), e -> "e" + (elements.size() + 1));
                rows.row().text(Long.toString(s.revision().number())).text(time.apply(s.revision().time())).text(author)
                        .text(c.property()).text(element);
            }
        }
        return new AnalysisReport(List.of(rows.table("change log (share-safe)",
                List.of("revision", "time", "author", "property", "element"))));
    }
}
