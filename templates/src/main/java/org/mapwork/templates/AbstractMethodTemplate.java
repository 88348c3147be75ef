package org.mapwork.templates;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.Ids;
import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapFormatException;
import org.mapwork.model.json.MapJson;
import org.mapwork.model.json.MapJsonReader;
import org.mapwork.model.schema.Schema;
import org.mapwork.model.schema.SchemaRegistry;
import org.mapwork.templates.common.Digraph;
import org.mapwork.templates.common.Texts;

/**
 * What every method template shares: texts from the resource bundle {@code <package>/texts*.properties}, steps
 * defined by id (their texts in the bundle), the worked examples as native map files
 * {@code <package>/example_<lang>.mapwork.json}, and findings and analysis in the language the map speaks.
 */
public abstract class AbstractMethodTemplate implements MethodTemplate {

    /** A step as data: its id, the types it adds and its time box; title, question and what to add are texts. */
    public record StepDef(String id, List<String> addTypes, int minutes) {
    }

    private final String id;
    private final Schema schema;
    private final List<StepDef> steps;
    private final String bundleBase;

    protected AbstractMethodTemplate(String id, Schema schema, List<StepDef> steps) {
        this.id = id;
        this.schema = schema;
        this.steps = List.copyOf(steps);
        this.bundleBase = getClass().getPackageName() + ".texts";
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public ResourceBundle texts(Locale locale) {
        return textsIn(locale).bundle();
    }

    /** The texts in a language. */
    public Texts textsIn(Locale locale) {
        return Texts.load(bundleBase, locale);
    }

    /** The texts in the language the map speaks. */
    public Texts textsOf(MapDocument doc) {
        return textsIn(Texts.of(doc));
    }

    /** One text in the language the map speaks. */
    public String textsOf(MapDocument doc, String key) {
        return textsOf(doc).get(key);
    }

    @Override
    public List<FacilitationStep> steps(Locale locale) {
        Texts t = textsIn(locale);
        return steps.stream().map(s -> new FacilitationStep(id + "." + s.id(), t.get("step." + s.id() + ".title"),
                t.get("step." + s.id() + ".question"), t.get("step." + s.id() + ".whatToAdd"), s.addTypes(),
                Duration.ofMinutes(s.minutes()))).toList();
    }

    @Override
    public final List<Finding> check(MapDocument doc) {
        requireOwn(doc);
        return check(doc, textsOf(doc));
    }

    /** The live checks, messages in the map's language. */
    protected abstract List<Finding> check(MapDocument doc, Texts texts);

    @Override
    public final AnalysisReport analyze(MapDocument doc) {
        requireOwn(doc);
        return analyze(doc, textsOf(doc));
    }

    protected abstract AnalysisReport analyze(MapDocument doc, Texts texts);

    @Override
    public final ChangeSet layout(MapDocument doc, Set<String> selection) {
        requireOwn(doc);
        return layoutOf(doc, selection);
    }

    protected abstract ChangeSet layoutOf(MapDocument doc, Set<String> selection);

    @Override
    public MapDocument starter(boolean example, Locale locale) {
        return example ? example(locale) : emptyStarter(Texts.supported(locale));
    }

    /** The empty start: the method's defaults (e.g. Net-Map's link types, fishbone's categories). */
    protected abstract MapDocument emptyStarter(Locale locale);

    /** The worked example, read from the bundled map file, with a fresh map id and creation time. */
    protected MapDocument example(Locale locale) {
        String name = "example_" + Texts.supported(locale).getLanguage() + ".mapwork.json";
        try (InputStream in = getClass().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + getClass().getPackageName().replace('.', '/') + "/" + name);
            }
            ObjectMapper mapper = MapJson.newReadingMapper();
            ObjectNode root = (ObjectNode) mapper.readTree(in);
            root.put("id", Ids.newId("map"));
            root.put("created", Instant.now().toString());
            return new MapJsonReader(SchemaRegistry.of(schema)).read(getClass().getPackageName() + "/" + name,
                    mapper.writeValueAsString(root));
        } catch (IOException | MapFormatException e) {
            throw new IllegalStateException("the bundled example " + name + " of " + id + " cannot be read: " + e.getMessage(), e);
        }
    }

    private void requireOwn(MapDocument doc) {
        if (!id.equals(doc.methodId())) {
            throw new IllegalArgumentException("a " + doc.methodId() + " map given to the " + id + " template");
        }
    }

    /** How findings and tables name an element: its label on one line, or its id when it has none. */
    public static String name(Element e) {
        return e.label().isBlank() ? e.id() : e.label().replace('\n', ' ');
    }

    /**
     * One ERROR finding per loop of arrows in {@code g}, naming every element caught in it and printing one real
     * cycle through them back to its first (message {@code messageKey} with the cycle as its argument).
     */
    protected static List<Finding> cycleFindings(MapDocument doc, Digraph g, String rule, String messageKey, Texts t) {
        List<Finding> out = new java.util.ArrayList<>();
        for (Digraph.Loop loop : g.loops()) {
            List<String> names = loop.cycle().stream().map(id -> name(doc.element(id))).toList();
            out.add(new Finding(Finding.Severity.ERROR, rule, loop.component(),
                    t.format(messageKey, String.join(" \u2192 ", names) + " \u2192 " + names.get(0))));
        }
        return out;
    }
}
