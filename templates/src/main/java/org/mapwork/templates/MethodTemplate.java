package org.mapwork.templates;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;

import org.mapwork.model.ChangeSet;
import org.mapwork.model.MapDocument;
import org.mapwork.model.schema.Schema;

/**
 * One workshop method (problem tree, fishbone, rich picture, Net-Map, power/interest grid, theory of change,
 * action plan): its schema, how its maps look, its facilitation steps, live checks, analysis, layout and starter
 * maps. Data (types, texts, starter maps) lives in resources; the rules, analysis and layout are Java.
 */
public interface MethodTemplate {

    /** The method id stored in every map, e.g. {@code net-map}. */
    String id();

    /** What a map of this method may hold. */
    Schema schema();

    /** Type names, attribute names, steps and prompts in the given language (English and Spanish). */
    ResourceBundle texts(Locale locale);

    /** The method's name, e.g. "Power map (Net-Map)". */
    default String displayName(Locale locale) {
        return texts(locale).getString("method.name");
    }

    /** One line saying what the method is for. */
    default String description(Locale locale) {
        return texts(locale).getString("method.description");
    }

    /** The facilitation steps in order. */
    List<FacilitationStep> steps(Locale locale);

    /** How this method's maps look: shapes, colours, towers, badges, backdrops, legend. */
    Presentation presentation();

    /** Live checks: what is missing or inconsistent, in plain language. */
    List<Finding> check(MapDocument doc);

    /** The method's analysis as tables (e.g. Net-Map centrality, theory-of-change paths). */
    AnalysisReport analyze(MapDocument doc);

    /**
     * What a workshop sees side by side in several teams' maps of this method, matched by {@code matching}: which
     * names were joined, what only some teams drew, and what the method adds (Net-Map: towers and stances; theory of
     * change: shared outcomes, differing preconditions). The shared tables by default.
     */
    default AnalysisReport compare(org.mapwork.templates.workshop.Matching matching) {
        return org.mapwork.templates.workshop.Comparison.of(this, matching);
    }

    /**
     * An undoable layout of the whole map ({@code selection} empty) or of the selected nodes only.
     * The result is a change set of geometry changes; no two laid-out nodes overlap.
     */
    ChangeSet layout(MapDocument doc, Set<String> selection);

    /** A new map: empty (with the method's defaults) or the worked example, in the given language. */
    MapDocument starter(boolean example, Locale locale);

    /**
     * The edits this method adds to the editor (menu items with their keys), labelled in the given language; none
     * by default. The editor shows them and carries out what they return; see {@link MethodAction}.
     */
    default List<MethodAction> actions(Locale locale) {
        return List.of();
    }

    /** The number on a node the editor lets people drag as a tower (Net-Map's influence), if the method has one. */
    default Optional<TowerHandle> tower() {
        return Optional.empty();
    }

    /** The horizontal line the editor lets people drag (the ceiling of accountability), if the method has one. */
    default Optional<LineHandle> line() {
        return Optional.empty();
    }

    /**
     * What dragging a connection from one element onto another means in this method when it is not one of its link
     * types: the theory of change ties an intervention to the outcome or causal arrow it acts on (its
     * {@code attachedTo}). Empty (the default): the editor draws a link of a type that fits, as usual.
     */
    default Optional<ChangeSet> tie(MapDocument doc, String fromId, String toId) {
        return Optional.empty();
    }

    /**
     * When an attribute of an element names another element of the map (an intervention's {@code attachedTo}): the
     * elements it may name, by id, each with the name people know it by, in the order a picker lists them. Empty
     * (the default): the attribute is not a reference, and the editor shows its ordinary field.
     */
    default Optional<java.util.Map<String, String>> references(MapDocument doc, String elementId, String attribute) {
        return Optional.empty();
    }

    /**
     * The map's own question that the workshop answers (Net-Map's framing question), once the group has written it;
     * the facilitation steps show it above their guiding questions. Empty by default, and while it is the starter's
     * placeholder.
     */
    default Optional<String> framingQuestion(MapDocument doc) {
        return Optional.empty();
    }

    /** How the editor's stamp tool puts pictograms on this method's maps, if it takes them (the rich picture). */
    default Optional<PictogramStamp> pictograms() {
        return Optional.empty();
    }

    /**
     * Whether files that do not say their method (GraphML, Kumu, CSV: networks of nodes and links) are most likely
     * maps of this method, so an import suggests it first.
     */
    default boolean suitsPlainNetworks() {
        return false;
    }
}
