package org.mapwork.templates.common;

import java.util.ArrayList;
import java.util.List;

import org.mapwork.templates.AnalysisReport;

/** An analysis report as plain text tables (for the terminal) or as CSV (for spreadsheets). */
public final class ReportText {

    private ReportText() {
    }

    /** Each table under its title, columns padded to line up. */
    public static String text(AnalysisReport report) {
        StringBuilder sb = new StringBuilder();
        for (AnalysisReport.Table t : report.tables()) {
            sb.append(t.title()).append('\n');
            int[] width = new int[t.columns().size()];
            List<List<String>> all = new ArrayList<>();
            all.add(t.columns());
            all.addAll(t.rows());
            for (List<String> row : all) {
                for (int i = 0; i < width.length && i < row.size(); i++) {
                    width[i] = Math.max(width[i], Math.min(70, row.get(i).length()));
                }
            }
            for (int r = 0; r < all.size(); r++) {
                List<String> row = all.get(r);
                StringBuilder line = new StringBuilder("  ");
                for (int i = 0; i < width.length; i++) {
                    String cell = i < row.size() ? row.get(i) : "";
                    line.append(cell);
                    if (i < width.length - 1) {
                        line.append(" ".repeat(Math.max(1, width[i] - cell.length() + 2)));
                    }
                }
                sb.append(line.toString().stripTrailing()).append('\n');
                if (r == 0) {
                    sb.append("  ").append("-".repeat(Math.max(3, line.length() - 2))).append('\n');
                }
            }
            if (t.rows().isEmpty()) {
                sb.append("  (none)\n");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** RFC 4180 CSV: a "table" column first, so all tables fit one sheet; quotes where needed. */
    public static String csv(AnalysisReport report) {
        StringBuilder sb = new StringBuilder();
        for (AnalysisReport.Table t : report.tables()) {
            List<String> header = new ArrayList<>(List.of("table"));
            header.addAll(t.columns());
            line(sb, header);
            for (List<String> row : t.exactRows()) {
                List<String> cells = new ArrayList<>(List.of(t.title()));
                cells.addAll(row);
                line(sb, cells);
            }
            sb.append("\r\n");
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String c = cells.get(i);
            // a leading = + - @ would run as a formula in a spreadsheet: prefix a quote mark
            if (!c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0 && !c.matches("-?[0-9.]+")) {
                c = "'" + c;
            }
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
                c = '"' + c.replace("\"", "\"\"") + '"';
            }
            sb.append(c);
        }
        sb.append("\r\n");
    }
}
