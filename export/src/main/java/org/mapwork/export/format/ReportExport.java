package org.mapwork.export.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.ResourceBundle;
import java.util.function.Function;

import org.mapwork.export.paint.MapPainter;
import org.mapwork.export.paint.RenderOptions;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.model.schema.AttributeDef;
import org.mapwork.model.schema.AttributeType;
import org.mapwork.model.schema.NodeType;
import org.mapwork.model.schema.Schema;
import org.mapwork.templates.AnalysisReport;
import org.mapwork.templates.Badge;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Presentation;

/**
 * A written report of a map, in Markdown or HTML: title block, the figure (inline SVG in HTML, a sibling SVG file in
 * Markdown), the map's texts (framing question, narrative), then what the method is about:
 * <ul>
 * <li>maps with influence towers (Net-Map): actors ranked by influence, with type and goal stances;</li>
 * <li>maps with indicators (theory of change): outcomes with their indicators, assumptions and interventions;</li>
 * <li>maps with owners and due dates (action plan): actions by owner and due date;</li>
 * <li>otherwise, one table per node type with its attributes;</li>
 * </ul>
 * and finally the method's analysis tables and the list of links. Every text from the map is escaped.
 */
public final class ReportExport {

    /** One part of the report, rendered to either format. */
    sealed interface Block permits Heading, Paragraph, Table, Figure {
    }

    record Heading(int level, String text) implements Block {
    }

    record Paragraph(String text) implements Block {
    }

    record Table(List<String> columns, List<List<String>> rows) implements Block {
    }

    record Figure(String caption) implements Block {
    }

    private final Function<String, Optional<MethodTemplate>> methods;
    private final Locale locale;

    public ReportExport(Function<String, Optional<MethodTemplate>> methods, Locale locale) {
        this.methods = methods;
        this.locale = locale;
    }

    /** The report in Markdown; the figure is referenced as {@code figureFile} (written by the caller), or left out when null. */
    public String markdown(MapDocument doc, String figureFile) {
        StringBuilder b = new StringBuilder();
        for (Block block : blocks(doc)) {
            if (block instanceof Heading h) {
                b.append("#".repeat(h.level())).append(' ').append(md(h.text())).append("\n\n");
            } else if (block instanceof Paragraph p) {
                for (String line : p.text().split("\n", -1)) {
                    b.append(md(line)).append(line.isEmpty() ? "" : "  ").append('\n');
                }
                b.append('\n');
            } else if (block instanceof Table t) {
                b.append('|');
                for (String c : t.columns()) {
                    b.append(' ').append(mdCell(c)).append(" |");
                }
                b.append("\n|");
                b.append(" --- |".repeat(t.columns().size()));
                b.append('\n');
                for (List<String> row : t.rows()) {
                    b.append('|');
                    for (String c : row) {
                        b.append(' ').append(mdCell(c)).append(" |");
                    }
                    b.append('\n');
                }
                b.append('\n');
            } else if (block instanceof Figure f && figureFile != null) {
                b.append("![").append(md(f.caption())).append("](").append(figureFile.replace(" ", "%20").replace(")", "%29")).append(")\n\n");
            }
        }
        return b.toString();
    }

    /** The report as one self-contained HTML page, the figure inline as SVG. */
    public String html(MapDocument doc, MapPainter painter) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"").append(locale.getLanguage()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                // nothing in the page may load or run anything
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
                .append("<title>").append(html(doc.title())).append("</title>\n")
                .append("<style>body{font-family:'DejaVu Sans',Verdana,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#1a1a1a}")
                .append("table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #c8ccd2;padding:4px 8px;vertical-align:top;text-align:left}")
                .append("th{background:#eef1f4}figure{margin:1em 0}figure svg{max-width:100%;height:auto}</style>\n</head>\n<body>\n");
        for (Block block : blocks(doc)) {
            if (block instanceof Heading h) {
                b.append("<h").append(h.level()).append('>').append(html(h.text())).append("</h").append(h.level()).append(">\n");
            } else if (block instanceof Paragraph p) {
                b.append("<p>").append(html(p.text()).replace("\n", "<br>\n")).append("</p>\n");
            } else if (block instanceof Table t) {
                b.append("<table>\n<thead><tr>");
                for (String c : t.columns()) {
                    b.append("<th>").append(html(c)).append("</th>");
                }
                b.append("</tr></thead>\n<tbody>\n");
                for (List<String> row : t.rows()) {
                    b.append("<tr>");
                    for (String c : row) {
                        b.append("<td>").append(html(c).replace("\n", "<br>")).append("</td>");
                    }
                    b.append("</tr>\n");
                }
                b.append("</tbody>\n</table>\n");
            } else if (block instanceof Figure f) {
                b.append("<figure>\n").append(inlineSvg(doc, painter)).append("\n<figcaption>").append(html(f.caption()))
                        .append("</figcaption>\n</figure>\n");
            }
        }
        b.append("</body>\n</html>\n");
        return b.toString();
    }

    private static String inlineSvg(MapDocument doc, MapPainter painter) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SvgExport.write(doc, painter, RenderOptions.file(), out);
        String svg = out.toString(StandardCharsets.UTF_8);
        // the XML declaration does not belong inside HTML; Batik's output is otherwise well-formed and escaped
        return svg.replaceFirst("^<\\?xml[^>]*\\?>", "");
    }

    // ----- content -----

    List<Block> blocks(MapDocument doc) {
        Optional<MethodTemplate> method = methods.apply(doc.methodId());
        ResourceBundle texts = method.map(m -> {
            try {
                return m.texts(locale);
            } catch (MissingResourceException e) {
                return null;
            }
        }).orElse(null);
        Presentation look = method.map(MethodTemplate::presentation).orElse(null);
        Schema schema = method.map(MethodTemplate::schema).orElse(null);
        List<Block> out = new ArrayList<>();
        out.add(new Heading(1, doc.title().isBlank() ? "Untitled map" : doc.title()));
        String methodName = text(texts, "method.name", doc.methodId());
        LocalDate date = doc.created().atZone(ZoneOffset.UTC).toLocalDate();
        String team = doc.mapAttribute("team") instanceof Value.Text t ? t.value() : null;
        out.add(new Paragraph(methodName + " · " + date + (team == null || team.isBlank() ? "" : " · " + team)));
        out.add(new Figure(doc.title()));
        if (look != null) {
            // the map's own organisation, as the drawing marks it ("This is us")
            List<String> ours = new ArrayList<>();
            String oursTitle = null;
            for (Element n : doc.inDrawOrder()) {
                if (n.isNode()) {
                    for (Badge b : look.badges(doc, n)) {
                        if (b.kind() == Badge.Kind.OURS) {
                            ours.add(n.label());
                            oursTitle = b.title();
                        }
                    }
                }
            }
            if (!ours.isEmpty()) {
                out.add(new Paragraph(oursTitle + ": " + String.join(", ", ours)));
            }
        }
        boolean indicators = schema != null && schema.nodeTypes().containsKey("intervention")
                && schema.nodeTypes().values().stream().anyMatch(t -> t.attribute("indicators") != null);
        Table indicatorTable = indicators ? indicatorTable(doc, texts) : null;
        if (indicators) {
            // under the figure: the drawing leaves the indicators out (its "I1" badges are the editor's)
            out.add(new Heading(2, text(texts, "analysis.indicators", "Indicators")));
            out.add(indicatorTable);
        }
        for (var a : doc.mapAttributes().entrySet()) {
            AttributeDef def = schema == null ? null : schema.mapAttributes().get(a.getKey());
            boolean prose = def == null ? a.getValue() instanceof Value.Text
                    : def.type() == AttributeType.TEXT || def.type() == AttributeType.LONG_TEXT;
            if (prose && a.getValue() instanceof Value.Text t && !t.value().isBlank() && !a.getKey().equals("team")
                    && !a.getKey().equals("language")) {
                out.add(new Heading(2, text(texts, "attr." + a.getKey(), humanize(a.getKey()))));
                out.add(new Paragraph(t.value()));
            }
        }
        List<Element> nodes = doc.inDrawOrder().stream().filter(Element::isNode).toList();
        boolean towers = look != null && nodes.stream().anyMatch(n -> look.tower(n).isPresent());
        // which tables a method gets follows from what its types carry: towers (Net-Map), indicators and
        // interventions (theory of change), owners (action plan)
        indicators &= !towers;
        boolean plan = !towers && (nodes.stream().anyMatch(n -> n.attribute("owner") != null)
                || (schema != null && schema.nodeTypes().values().stream().anyMatch(t -> t.attribute("owner") != null && t.attribute("due") != null)));
        if (towers) {
            out.add(new Heading(2, "Actors ranked by influence"));
            out.add(ranking(doc, nodes, look, texts));
        }
        if (indicators) {
            out.add(new Heading(2, "Outcomes, indicators, assumptions and interventions"));
            out.add(outcomes(doc, nodes, schema, texts));
        }
        if (plan) {
            out.add(new Heading(2, "Action plan by owner and due date"));
            out.add(actionPlan(nodes, texts));
        }
        if (!towers && !indicators && !plan) {
            for (String type : typesInOrder(schema, nodes)) {
                List<Element> ofType = nodes.stream().filter(n -> n.type().equals(type)).toList();
                if (!ofType.isEmpty()) {
                    out.add(new Heading(2, text(texts, "type." + type, humanize(type))));
                    out.add(byType(ofType, texts));
                }
            }
        }
        method.ifPresent(m -> {
            AnalysisReport report = m.analyze(doc);
            for (AnalysisReport.Table t : report.tables()) {
                if (indicatorTable != null && t.columns().equals(indicatorTable.columns())) {
                    continue; // the method's own indicator table: already under the figure
                }
                out.add(new Heading(2, t.title()));
                out.add(new Table(t.columns(), t.rows()));
            }
        });
        List<Element> links = doc.inDrawOrder().stream().filter(Element::isLink).toList();
        if (!links.isEmpty()) {
            out.add(new Heading(2, "Links"));
            List<List<String>> rows = new ArrayList<>();
            for (Element l : links) {
                rows.add(List.of(label(doc, l.source()), text(texts, "type." + l.type(), linkTypeLabel(doc, l, look)),
                        label(doc, l.target()), l.label()));
            }
            out.add(new Table(List.of("From", "Link", "To", "Label"), rows));
        }
        return out;
    }

    private Table ranking(MapDocument doc, List<Element> nodes, Presentation look, ResourceBundle texts) {
        List<Element> ranked = new ArrayList<>(nodes);
        ranked.sort(Comparator.comparingLong((Element n) -> -look.tower(n).orElse(-1)).thenComparing(Element::label));
        List<List<String>> rows = new ArrayList<>();
        int rank = 0;
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < ranked.size(); i++) {
            Element n = ranked.get(i);
            OptionalLong t = look.tower(n);
            if (!t.isPresent() || t.getAsLong() != previous) {
                rank = i + 1;
                previous = t.isPresent() ? t.getAsLong() : Long.MIN_VALUE + 1;
            }
            String type = look.nodeLook(doc, n).typeLabel();
            StringBuilder goals = new StringBuilder();
            String actor = n.label();
            for (Badge b : look.badges(doc, n)) {
                if (b.kind() == Badge.Kind.OURS) {
                    actor += " (" + b.title() + ")";
                    continue;
                }
                goals.append(goals.length() > 0 ? "\n" : "").append(b.text()).append(' ').append(b.title());
            }
            rows.add(List.of(Integer.toString(rank), actor, type == null ? text(texts, "type." + n.type(), humanize(n.type())) : type,
                    t.isPresent() ? Long.toString(t.getAsLong()) : "–", goals.toString(),
                    Integer.toString(doc.linksOf(n.id()).size())));
        }
        return new Table(List.of("Rank", "Actor", "Type", "Influence", "Goals", "Links"), rows);
    }

    private Table outcomes(MapDocument doc, List<Element> nodes, Schema schema, ResourceBundle texts) {
        List<List<String>> rows = new ArrayList<>();
        for (String type : typesInOrder(schema, nodes)) {
            if (schema != null && schema.nodeTypes().get(type) != null && schema.nodeTypes().get(type).attribute("indicators") == null
                    && schema.nodeTypes().get(type).attribute("assumptions") == null) {
                continue;
            }
            for (Element n : nodes) {
                if (!n.type().equals(type) || isIntervention(n)) {
                    continue;
                }
                StringBuilder interventions = new StringBuilder();
                for (Element i : nodes) {
                    if (isIntervention(i) && i.attribute("attachedTo") instanceof Value.Text t && t.value().equals(n.id())) {
                        interventions.append(interventions.length() > 0 ? "\n" : "").append(i.label());
                    }
                }
                rows.add(List.of(text(texts, "type." + type, humanize(type)), n.label(), measures(n.attribute("indicators")),
                        n.attribute("assumptions") == null ? "" : AttributeText.toText(n.attribute("assumptions")), interventions.toString()));
            }
        }
        List<String> loose = nodes.stream().filter(ReportExport::isIntervention)
                .filter(i -> !(i.attribute("attachedTo") instanceof Value.Text t) || doc.element(t.value()) == null)
                .map(Element::label).toList();
        for (String l : loose) {
            rows.add(List.of(text(texts, "type.intervention", "Intervention"), "", "", "", l));
        }
        return new Table(List.of("Kind", "Outcome", "Indicators", "Assumptions", "Interventions"), rows);
    }

    /** One row per indicator (a row of an outcome's indicators that names a measure), outcomes in draw order. */
    private Table indicatorTable(MapDocument doc, ResourceBundle texts) {
        List<String> fields = List.of("measure", "population", "target", "threshold", "byWhen");
        List<String> columns = new ArrayList<>();
        columns.add(text(texts, "col.outcome", "Outcome"));
        for (String f : fields) {
            columns.add(text(texts, "attr." + f, humanize(f)));
        }
        List<List<String>> rows = new ArrayList<>();
        for (Element n : doc.inDrawOrder()) {
            if (!n.isNode() || !(n.attribute("indicators") instanceof Value.Rows indicatorRows)) {
                continue;
            }
            for (Map<String, Value> row : indicatorRows.rows()) {
                if (!(row.get("measure") instanceof Value.Text m) || m.value().isBlank()) {
                    continue; // a row added but not filled in is no indicator yet
                }
                List<String> cells = new ArrayList<>();
                cells.add(n.label());
                for (String f : fields) {
                    cells.add(row.get(f) == null ? "" : AttributeText.toText(row.get(f)));
                }
                rows.add(cells);
            }
        }
        return new Table(columns, rows);
    }

    private static boolean isIntervention(Element n) {
        return n.type().equals("intervention");
    }

    /** The measures of an outcome's indicators, one a line (the indicator table under the figure has the rest). */
    private static String measures(Value v) {
        if (!(v instanceof Value.Rows rows)) {
            return v == null ? "" : AttributeText.toText(v);
        }
        StringBuilder b = new StringBuilder();
        for (Map<String, Value> row : rows.rows()) {
            if (row.get("measure") instanceof Value.Text m && !m.value().isBlank()) {
                b.append(b.length() > 0 ? "\n" : "").append(m.value());
            }
        }
        return b.toString();
    }

    private Table actionPlan(List<Element> nodes, ResourceBundle texts) {
        List<Element> sorted = new ArrayList<>(nodes);
        sorted.sort(Comparator.comparing((Element n) -> cell(n, "owner").isEmpty() ? "\uffff" : cell(n, "owner").toLowerCase(Locale.ROOT))
                .thenComparing(n -> cell(n, "due").isEmpty() ? "9999" : cell(n, "due"))
                .thenComparing(Element::label));
        List<List<String>> rows = new ArrayList<>();
        for (Element n : sorted) {
            String status = cell(n, "status");
            rows.add(List.of(cell(n, "owner"), cell(n, "due"), n.label(),
                    status.isEmpty() ? "" : text(texts, "option.status." + status, status), cell(n, "partners"), cell(n, "resources")));
        }
        return new Table(List.of("Owner", "Due", "Action", "Status", "Partners", "Resources"), rows);
    }

    private Table byType(List<Element> nodes, ResourceBundle texts) {
        LinkedHashMap<String, Boolean> attrs = new LinkedHashMap<>();
        for (Element n : nodes) {
            n.attributes().keySet().forEach(k -> attrs.put(k, true));
        }
        List<String> columns = new ArrayList<>();
        columns.add("Label");
        for (String a : attrs.keySet()) {
            columns.add(text(texts, "attr." + a, humanize(a)));
        }
        List<List<String>> rows = new ArrayList<>();
        for (Element n : nodes) {
            List<String> row = new ArrayList<>();
            row.add(n.label());
            for (String a : attrs.keySet()) {
                row.add(cell(n, a));
            }
            rows.add(row);
        }
        return new Table(columns, rows);
    }

    private static List<String> typesInOrder(Schema schema, List<Element> nodes) {
        List<String> types = new ArrayList<>();
        if (schema != null) {
            for (NodeType t : schema.nodeTypes().values()) {
                types.add(t.name());
            }
        }
        for (Element n : nodes) {
            if (!types.contains(n.type())) {
                types.add(n.type());
            }
        }
        return types;
    }

    private static String cell(Element n, String attribute) {
        Value v = n.attribute(attribute);
        return v == null ? "" : AttributeText.toText(v);
    }

    private static String label(MapDocument doc, String id) {
        Element e = doc.element(id);
        return e == null ? id : e.label();
    }

    private static String linkTypeLabel(MapDocument doc, Element link, Presentation look) {
        if (look != null) {
            String l = look.linkLook(doc, link).typeLabel();
            if (l != null && !l.isBlank()) {
                return l;
            }
        }
        return humanize(link.type());
    }

    private static String text(ResourceBundle texts, String key, String fallback) {
        if (texts == null) {
            return fallback;
        }
        try {
            return texts.getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    /** {@code framingQuestion} → "Framing question", {@code long-term-outcome} → "Long term outcome". */
    static String humanize(String name) {
        String spaced = name.replaceAll("([a-z])([A-Z])", "$1 $2").replace('-', ' ').replace('_', ' ').toLowerCase(Locale.ROOT);
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    // ----- escaping -----

    /** Text safe in Markdown: punctuation that means something is backslash-escaped, HTML is neutralised. */
    static String md(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '\\', '`', '*', '_', '[', ']', '|', '#', '!', '{', '}', '~' -> b.append('\\').append(c);
                case '\r' -> {
                }
                default -> b.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return b.toString();
    }

    private static String mdCell(String s) {
        return md(s).replace("\n", "<br>");
    }

    /** Text safe in HTML element content and attribute values. */
    static String html(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                case '\r' -> {
                }
                default -> b.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return b.toString();
    }
}
