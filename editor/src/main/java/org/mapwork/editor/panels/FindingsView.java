package org.mapwork.editor.panels;

import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

import org.mapwork.editor.i18n.Ui;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.editor.view.SnapshotWorker;
import org.mapwork.templates.AnalysisReport;
import org.mapwork.templates.Finding;

/**
 * The findings panel: the method's live checks, refreshed after every change, each marked by a word as well as a
 * colour; a click selects the elements concerned. Below, the analysis tables on request.
 */
public final class FindingsView extends VBox {

    private final SnapshotWorker<List<Finding>> checks;

    private final FindingsViewModel vm;
    private final ListView<Finding> list = new ListView<>();
    private final Label summary = new Label();
    private final VBox analysis = new VBox(6);
    private final ScrollPane analysisScroll = new ScrollPane(analysis);

    public FindingsView(MapViewModel map, FindingsViewModel vm) {
        super(8);
        this.vm = vm;
        setId("findings");
        setPadding(new Insets(8));
        list.setId("findings-list");
        list.setPrefHeight(220);
        // JavaFX's own "No content in List" would speak the system's language
        list.setPlaceholder(new Label(Ui.text("panels.findings.clear")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Finding f, boolean empty) {
                super.updateItem(f, empty);
                if (empty || f == null) {
                    setText(null);
                    setStyle("");
                } else {
                    setText(switch (f.severity()) {
                        case ERROR -> Ui.text("panels.findings.error", f.message());
                        case WARNING -> Ui.text("panels.findings.warning", f.message());
                        case INFO -> Ui.text("panels.findings.info", f.message());
                    });
                    setWrapText(true);
                    setPrefWidth(0);
                    setStyle(f.severity() == Finding.Severity.ERROR ? "-fx-text-fill: #b3261e;" : "");
                }
            }
        });
        list.setOnMouseClicked(e -> {
            Finding f = list.getSelectionModel().getSelectedItem();
            if (f != null) {
                vm.choose(f);
            }
        });
        Button analyse = new Button(Ui.text("panels.findings.analyse"));
        analyse.setOnAction(e -> showAnalysis(vm.analyze()));
        summary.setId("findings-summary");
        analysis.setId("analysis");
        analysisScroll.setFitToWidth(true);
        analysisScroll.setId("analysis-scroll");
        VBox.setVgrow(analysisScroll, Priority.ALWAYS);
        list.setMinHeight(120);
        getChildren().addAll(summary, list, analyse, analysisScroll);
        // the checks of a large map take a while (about 0.2 s for 10,000 actors): they run in the background, and
        // the list shows the newest snapshot's findings when they are ready
        checks = new SnapshotWorker<>("live-checks", vm::check, latest -> {
            vm.show(latest);
            showFindings();
        });
        map.addListener(aspect -> {
            if (aspect == MapViewModel.Aspect.DOCUMENT) {
                checks.submit(map.document());
            }
        });
        vm.refresh();
        showFindings();
    }

    /** Runs the checks now, on this thread, and shows them. */
    public void refresh() {
        vm.refresh();
        showFindings();
    }

    private void showFindings() {
        list.getItems().setAll(vm.findings());
        summary.setText(vm.findings().isEmpty() ? Ui.text("panels.findings.clear")
                : Ui.text("panels.findings.count", vm.findings().size()));
    }

    /** Whether the checks of the latest change are still running (tests wait for them). */
    public boolean checking() {
        return checks.busy();
    }

    /** Stops the background checks (the window is closing). */
    public void dispose() {
        checks.close();
    }

    public ListView<Finding> list() {
        return list;
    }

    /**
     * The analysis as tables, one per report table, each with its own columns (sortable, resizable, every row:
     * a table view draws only the rows in sight), in a scrolling area of their own below the findings.
     */
    private void showAnalysis(AnalysisReport report) {
        analysis.getChildren().clear();
        for (AnalysisReport.Table t : report.tables()) {
            Label title = new Label(t.title());
            title.setStyle("-fx-font-weight: bold;");
            title.setWrapText(true);
            analysis.getChildren().addAll(title, table(t));
        }
        if (report.tables().isEmpty()) {
            analysis.getChildren().add(new Label(Ui.text("panels.findings.no-analysis")));
        }
        analysisScroll.setVvalue(0);
        // the tables need the room more than a list of findings the person has seen
        list.setPrefHeight(report.tables().isEmpty() ? 220 : 120);
    }

    private static TableView<List<String>> table(AnalysisReport.Table t) {
        TableView<List<String>> table = new TableView<>();
        table.getStyleClass().add("analysis-table");
        table.setPlaceholder(new Label(Ui.text("panels.findings.no-rows")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        for (int i = 0; i < t.columns().size(); i++) {
            int column = i;
            TableColumn<List<String>, String> c = new TableColumn<>(t.columns().get(i));
            c.setCellValueFactory(row -> new ReadOnlyStringWrapper(column < row.getValue().size()
                    ? row.getValue().get(column) : ""));
            // long cells (a path through five outcomes) wrap within their column instead of ending in "…"
            c.setCellFactory(col -> new TableCell<>() {
                private final Text text = new Text();

                {
                    text.wrappingWidthProperty().bind(col.widthProperty().subtract(8));
                    setPrefHeight(Region.USE_COMPUTED_SIZE);
                }

                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    text.setText(empty || item == null ? "" : item);
                    setGraphic(empty ? null : text);
                }
            });
            table.getColumns().add(c);
        }
        table.getItems().setAll(t.rows());
        // tall enough for a few rows; longer tables scroll within themselves
        table.setPrefHeight(Math.min(10, Math.max(2, t.rows().size())) * 30 + 32);
        table.setMinHeight(Region.USE_PREF_SIZE);
        return table;
    }
}
