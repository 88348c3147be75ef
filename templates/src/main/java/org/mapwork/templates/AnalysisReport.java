package org.mapwork.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A method's analysis as titled tables (for the CLI, the findings panel and the md/html reports). */
public record AnalysisReport(List<Table> tables) {

    public AnalysisReport {
        tables = List.copyOf(tables);
    }

    /**
     * One table: a title, column names, and rows of cells as shown (numbers rounded for reading), and the same rows
     * with numbers in full for CSV (a spreadsheet or a cross-check wants every digit).
     */
    public record Table(String title, List<String> columns, List<List<String>> rows, List<List<String>> exactRows) {
        public Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
            exactRows = exactRows.stream().map(List::copyOf).toList();
            if (exactRows.size() != rows.size()) {
                throw new IllegalArgumentException("exact rows " + exactRows.size() + " for " + rows.size() + " rows");
            }
        }

        /** A table whose cells are the same shown and exact (no rounded numbers). */
        public Table(String title, List<String> columns, List<List<String>> rows) {
            this(title, columns, rows, rows);
        }
    }

    /** Builds a table's rows as shown and exact at once: text cells are both, numbers are rounded only when shown. */
    public static final class Rows {
        private final List<List<String>> shown = new ArrayList<>();
        private final List<List<String>> exact = new ArrayList<>();

        /** Starts a row. */
        public Rows row() {
            shown.add(new ArrayList<>());
            exact.add(new ArrayList<>());
            return this;
        }

        public Rows text(String cell) {
            shown.get(shown.size() - 1).add(cell);
            exact.get(exact.size() - 1).add(cell);
            return this;
        }

        /** A decimal: three places when shown, every digit (the shortest text that reads back equal) when exact. */
        public Rows number(double value) {
            shown.get(shown.size() - 1).add(String.format(Locale.ROOT, "%.3f", value));
            exact.get(exact.size() - 1).add(Double.toString(value));
            return this;
        }

        public Table table(String title, List<String> columns) {
            return new Table(title, columns, shown, exact);
        }
    }
}
