package org.mapwork.templates;

import java.util.List;

/** A method's analysis as titled tables (for the CLI, the findings panel and the md/html reports). */
public record AnalysisReport(List<Table> tables) {

    public AnalysisReport {
        tables = List.copyOf(tables);
    }

    /** One table: a title, column names, and rows of cells (as text, numbers formatted). */
    public record Table(String title, List<String> columns, List<List<String>> rows) {
        public Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }
}
