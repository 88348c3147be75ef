package org.mapwork.templates.richpicture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.model.schema.AnnotationType;
import org.mapwork.model.schema.AttributeDef;
import org.mapwork.model.schema.LinkType;
import org.mapwork.model.schema.NodeType;
import org.mapwork.model.schema.Schema;
import org.mapwork.templates.AbstractMethodTemplate;
import org.mapwork.templates.AnalysisReport;
import org.mapwork.templates.Finding;
import org.mapwork.templates.LegendEntry;
import org.mapwork.templates.NodeLook;
import org.mapwork.templates.PictogramStamp;
import org.mapwork.templates.Pictograms;
import org.mapwork.templates.Presentation;
import org.mapwork.templates.common.LayoutSupport;
import org.mapwork.templates.common.LayoutSupport.Box;
import org.mapwork.templates.common.MapBuilder;
import org.mapwork.templates.common.Palette;
import org.mapwork.templates.common.Texts;
import org.mapwork.templates.common.TypedPresentation;

/**
 * The rich picture: a free canvas of pictogram stickers (one node type, {@code sticker}, whose {@code symbol} says
 * which pictogram — so a sticker can change symbol without losing its links, and the legend lists the symbols used),
 * freehand strokes, free text, arrows between stickers, and a title.
 */
public final class RichPictureTemplate extends AbstractMethodTemplate {

    public static final String ID = "rich-picture";
    public static final String STICKER = "sticker";
    public static final String SYMBOL = "symbol";
    public static final String ARROW = "arrow";
    public static final String TIE = "tie";
    public static final String TITLE = "title";

    public static final Schema SCHEMA = Schema.builder(ID)
            .node(NodeType.of(STICKER, AttributeDef.choice(SYMBOL, List.copyOf(Pictograms.names())).asRequired(),
                    AttributeDef.longText("notes")))
            .link(LinkType.any(ARROW, true, AttributeDef.longText("notes")))
            .link(LinkType.any(TIE, false, AttributeDef.longText("notes")))
            .annotation(new AnnotationType(TITLE, AnnotationType.Form.HEADING, List.of()))
            .mapAttribute(Texts.languageAttribute())
                .mapAttribute(org.mapwork.templates.workshop.Provenance.attribute())
            .build();

    private final Presentation presentation;

    public RichPictureTemplate() {
        super(ID, SCHEMA, List.of(
                new StepDef("title", List.of(TITLE), 5),
                new StepDef("people", List.of(STICKER), 15),
                new StepDef("places", List.of(STICKER), 10),
                new StepDef("relations", List.of(ARROW, TIE, "stroke"), 15),
                new StepDef("tensions", List.of(STICKER, "text"), 15),
                new StepDef("story", List.of("text", "frame"), 10)));
        presentation = new TypedPresentation(SCHEMA, this::textsOf, Map.of(),
                Map.of(ARROW, new TypedPresentation.LinkStyle("#333333", true, "solid", 2),
                        TIE, new TypedPresentation.LinkStyle(Palette.GREY, false, "dashed", 1.5))) {
            @Override
            public NodeLook nodeLook(MapDocument doc, Element node) {
                return new NodeLook("rounded", Palette.WHITE, "#BBBBBB", Palette.TEXT, symbol(node), null);
            }

            /** The symbols used (each once, in palette order), then the arrow types used. */
            @Override
            public List<LegendEntry> legend(MapDocument doc) {
                Texts t = textsOf(doc);
                Set<String> used = new LinkedHashSet<>();
                doc.nodes().forEach(n -> used.add(symbol(n)));
                List<LegendEntry> out = new ArrayList<>();
                for (String s : Pictograms.names()) {
                    if (used.contains(s)) {
                        out.add(new LegendEntry(LegendEntry.Kind.PICTOGRAM, t.option(SYMBOL, s), "#333333", null, s, null, false));
                    }
                }
                super.legend(doc).stream().filter(e -> e.kind() == LegendEntry.Kind.LINK).forEach(out::add);
                return out;
            }
        };
    }

    static String symbol(Element node) {
        return node.attribute(SYMBOL) instanceof Value.Text t ? t.value() : "question";
    }

    /** Stickers: a pictogram stamped is a sticker showing it. */
    @Override
    public Optional<PictogramStamp> pictograms() {
        return Optional.of(new PictogramStamp(STICKER, SYMBOL, this::textsOf));
    }

    @Override
    public Presentation presentation() {
        return presentation;
    }

    @Override
    protected MapDocument emptyStarter(Locale locale) {
        Texts t = textsIn(locale);
        return MapBuilder.of(SCHEMA, t.get("starter.title"), locale)
                .annotation("title", TITLE, t.get("starter.pictureTitle"), org.mapwork.model.Geometry.box(40, 20, 520, 50), Map.of())
                .build();
    }

    @Override
    protected List<Finding> check(MapDocument doc, Texts t) {
        List<Finding> out = new ArrayList<>();
        if (doc.annotations().noneMatch(a -> a.type().equals(TITLE) && !a.label().isBlank())) {
            out.add(new Finding(Finding.Severity.WARNING, "rich-picture.no-title", List.of(), t.get("finding.no-title")));
        }
        doc.nodes().filter(n -> n.label().isBlank()).forEach(n -> out.add(new Finding(Finding.Severity.INFO,
                "rich-picture.unnamed-sticker", List.of(n.id()), t.format("finding.unnamed-sticker", t.option(SYMBOL, symbol(n))))));
        return out;
    }

    @Override
    protected AnalysisReport analyze(MapDocument doc, Texts t) {
        Map<String, List<String>> bySymbol = new TreeMap<>();
        doc.nodes().forEach(n -> bySymbol.computeIfAbsent(t.option(SYMBOL, symbol(n)), k -> new ArrayList<>()).add(n.label()));
        List<List<String>> rows = new ArrayList<>();
        bySymbol.forEach((s, labels) -> rows.add(List.of(s, Integer.toString(labels.size()), String.join(", ", labels))));
        Map<String, Integer> kinds = new LinkedHashMap<>();
        doc.links().forEach(l -> kinds.merge(t.typeName(l.type()), 1, Integer::sum));
        doc.annotations().forEach(a -> kinds.merge(t.typeName(a.type()), 1, Integer::sum));
        List<List<String>> others = new ArrayList<>();
        kinds.forEach((k, n) -> others.add(List.of(k, Integer.toString(n))));
        return new AnalysisReport(List.of(
                new AnalysisReport.Table(t.get("analysis.symbols"), List.of(t.get("col.symbol"), t.get("col.count"), t.get("col.labels")), rows),
                new AnalysisReport.Table(t.get("analysis.marks"), List.of(t.get("col.kind"), t.get("col.count")), others)));
    }

    /** A free canvas keeps its arrangement: the layout only pushes overlapping stickers apart. */
    @Override
    protected ChangeSet layoutOf(MapDocument doc, Set<String> selection) {
        Map<String, Box> all = LayoutSupport.boxes(doc);
        Set<String> moving = new LinkedHashSet<>();
        all.keySet().stream().filter(id -> selection.isEmpty() || selection.contains(id)).forEach(moving::add);
        LayoutSupport.separate(all, moving, 10);
        return LayoutSupport.changeSet(doc, all, "tidy stickers", List.of());
    }
}
