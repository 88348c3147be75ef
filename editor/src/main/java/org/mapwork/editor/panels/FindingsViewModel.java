package org.mapwork.editor.panels;

import java.util.List;

import org.mapwork.editor.i18n.Ui;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.model.MapDocument;
import org.mapwork.templates.AnalysisReport;
import org.mapwork.templates.Finding;

/**
 * The findings panel's state: the method's live checks over the current map (worked out again after every applied
 * change set, local or not, by the view in the background) and, on request, its analysis. Choosing a finding selects the elements it names.
 */
public final class FindingsViewModel {

    private final MapViewModel map;
    private List<Finding> findings = List.of();
    private AnalysisReport analysis = new AnalysisReport(List.of());
    private int cursor = -1;

    public FindingsViewModel(MapViewModel map) {
        this.map = map;
        refresh();
    }

    /** Runs the live checks again, here and now. */
    public void refresh() {
        show(check(map.document()));
    }

    /** The live checks of one snapshot; touches nothing else, so a background thread may run it. */
    public List<Finding> check(MapDocument doc) {
        return map.template().map(t -> t.check(doc)).orElse(List.of());
    }

    /** Takes the findings of the latest snapshot (worked out by {@link #check}). */
    public void show(List<Finding> latest) {
        findings = List.copyOf(latest);
        if (cursor >= findings.size()) {
            cursor = -1;
        }
    }

    public List<Finding> findings() {
        return findings;
    }

    public AnalysisReport analyze() {
        analysis = map.template().map(t -> t.analyze(map.document())).orElse(new AnalysisReport(List.of()));
        return analysis;
    }

    public AnalysisReport analysis() {
        return analysis;
    }

    /** Selects the elements of one finding (those that still exist) and brings them into view. */
    public void choose(Finding f) {
        List<String> present = f.elementIds().stream().filter(id -> map.document().contains(id)).toList();
        if (!present.isEmpty()) {
            map.select(present);
            map.zoomToSelection();
        }
        map.setStatus(f.message());
    }

    /** Chooses the next finding in turn (F8). */
    public void next() {
        if (findings.isEmpty()) {
            map.setStatus(Ui.text("panels.findings.none"));
            return;
        }
        cursor = (cursor + 1) % findings.size();
        choose(findings.get(cursor));
    }
}
