package org.mapwork.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.ElementKind;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Style;
import org.mapwork.model.Value;
import org.mapwork.templates.common.MapBuilder;

/** Every live check is caught on a fixture built to break it (the examples, which pass all checks, are bent). */
class LiveChecksTest {

    private static MapDocument bent(String method, Locale lang, Change... changes) {
        MapDocument doc = Examples.example(method, lang);
        return ChangeEngine.apply(doc, Examples.method(method).schema(), ChangeSet.of("break", changes)).after();
    }

    private static MapDocument bent(String method, Change... changes) {
        return bent(method, Locale.ENGLISH, changes);
    }

    private static Change node(String id, String type, String label, Map<String, Value> attrs) {
        return Change.add(new Element(id, ElementKind.NODE, type, label, attrs, Geometry.box(5000, 5000, 100, 40), Style.DEFAULT, "zz", null, null));
    }

    private static Change link(String id, String type, String from, String to) {
        return Change.add(new Element(id, ElementKind.LINK, type, "", Map.of(), Geometry.NONE, Style.DEFAULT, "zy", from, to));
    }

    /** The findings of the rule; fails when there is none. Each must name its elements and speak plainly. */
    private static List<Finding> expect(String method, MapDocument doc, String rule, Finding.Severity severity, String... elementIds) {
        List<Finding> all = Examples.method(method).check(doc);
        List<Finding> found = all.stream().filter(f -> f.rule().equals(rule)).toList();
        assertFalse(found.isEmpty(), () -> "no " + rule + " in " + all);
        for (Finding f : found) {
            assertEquals(severity, f.severity(), f::toString);
            assertFalse(f.message().contains("[") || f.message().contains("{"), f::message);
        }
        for (String id : elementIds) {
            assertTrue(found.stream().anyMatch(f -> f.elementIds().contains(id)), () -> rule + " does not name " + id + ": " + found);
        }
        return found;
    }

    // ---- problem tree
    @Test
    void problemTreeWithoutProblemIsAnError() {
        expect("problem-tree", bent("problem-tree", Change.remove("problem")), "problem-tree.no-problem", Finding.Severity.ERROR);
    }

    @Test
    void problemTreeWithTwoProblemsNamesBoth() {
        expect("problem-tree", bent("problem-tree", node("p2", "problem", "Second problem", Map.of())),
                "problem-tree.several-problems", Finding.Severity.ERROR, "problem", "p2");
    }

    @Test
    void causeThatDoesNotReachTheProblemIsFlaggedByName() {
        List<Finding> f = expect("problem-tree", bent("problem-tree", node("c-loose", "cause", "Long commutes", Map.of())),
                "problem-tree.cause-not-reaching", Finding.Severity.WARNING, "c-loose");
        assertTrue(f.get(0).message().contains("Long commutes"));
    }

    @Test
    void effectNotFollowingFromTheProblemIsFlagged() {
        expect("problem-tree", bent("problem-tree", node("e-loose", "effect", "Higher insurance premiums", Map.of())),
                "problem-tree.effect-not-reached", Finding.Severity.WARNING, "e-loose");
    }

    @Test
    void causalLoopInAProblemTreeIsAnError() {
        expect("problem-tree", bent("problem-tree", link("loop", "causes", "problem", "c-no-cooling")),
                "problem-tree.cycle", Finding.Severity.ERROR, "problem", "c-no-cooling");
    }

    // ---- fishbone
    @Test
    void fishboneWithoutHeadIsAnError() {
        expect("fishbone", bent("fishbone", Change.remove("head")), "fishbone.no-head", Finding.Severity.ERROR);
    }

    @Test
    void fishboneWithTwoHeadsIsAnError() {
        expect("fishbone", bent("fishbone", node("head2", "head", "Other problem", Map.of())), "fishbone.several-heads",
                Finding.Severity.ERROR, "head", "head2");
    }

    @Test
    void causeOnNoBoneIsFlagged() {
        expect("fishbone", bent("fishbone", node("k-loose", "cause", "Dogs", Map.of())), "fishbone.cause-not-reaching",
                Finding.Severity.WARNING, "k-loose");
    }

    @Test
    void subCauseWhoseCauseIsRemovedIsOnNoBone() {
        expect("fishbone", bent("fishbone", Change.remove("k-fatigue")), "fishbone.cause-not-reaching", Finding.Severity.WARNING, "s-low-pay");
    }

    @Test
    void emptyCategoryIsNoted() {
        expect("fishbone", bent("fishbone", node("cat-x", "category", "Measurement", Map.of())), "fishbone.empty-category",
                Finding.Severity.INFO, "cat-x");
    }

    @Test
    void causesExplainingEachOtherInALoopAreAnError() {
        expect("fishbone", bent("fishbone", link("loop", "on", "k-untrained", "s-onboarding")), "fishbone.cycle",
                Finding.Severity.ERROR, "k-untrained", "s-onboarding");
    }

    // ---- rich picture
    @Test
    void richPictureWithoutTitleIsFlagged() {
        expect("rich-picture", bent("rich-picture", Change.remove("title")), "rich-picture.no-title", Finding.Severity.WARNING);
    }

    @Test
    void unnamedStickerIsNotedWithItsSymbol() {
        List<Finding> f = expect("rich-picture", bent("rich-picture", node("s-x", "sticker", "", Map.of("symbol", Value.text("money")))),
                "rich-picture.unnamed-sticker", Finding.Severity.INFO, "s-x");
        assertTrue(f.get(0).message().contains("Money"), f.get(0)::message);
    }

    // ---- net-map
    @Test
    void netMapWithoutFramingQuestionIsFlagged() {
        expect("net-map", bent("net-map", Change.setMapAttribute("framingQuestion", null)), "net-map.no-framing-question", Finding.Severity.WARNING);
    }

    @Test
    void actorWithoutInfluenceIsFlagged() {
        expect("net-map", bent("net-map", Change.setAttribute("mayor", "influence", null)), "net-map.actor-without-influence",
                Finding.Severity.WARNING, "mayor");
    }

    @Test
    void actorWithoutGoalIsFlaggedButAnExplicitUnknownIsAccepted() {
        MapDocument doc = bent("net-map", Change.setAttribute("mayor", "goals", null));
        expect("net-map", doc, "net-map.actor-without-goal", Finding.Severity.WARNING, "mayor");
        MapDocument unknown = ChangeEngine.apply(doc, Examples.method("net-map").schema(),
                ChangeSet.of("unknown", Change.setAttribute("mayor", "goalUnknown", Value.bool(true)))).after();
        assertEquals(List.of(), Examples.method("net-map").check(unknown));
    }

    @Test
    void isolatedActorIsFlagged() {
        expect("net-map", bent("net-map", node("a-new", "actor", "Transit agency", Map.of("influence", Value.integer(1),
                "goalUnknown", Value.bool(true)))), "net-map.isolated-actor", Finding.Severity.WARNING, "a-new");
    }

    @Test
    void goalWithoutStanceIsNoted() {
        MapDocument doc = Examples.example("net-map", Locale.ENGLISH);
        Value.Rows goals = (Value.Rows) doc.mapAttribute("goals");
        List<Map<String, Value>> rows = new java.util.ArrayList<>(goals.rows());
        rows.add(MapBuilder.row("id", Value.text("data"), "label", Value.text("Publish outbreak data"), "stance", Value.text("unknown")));
        expect("net-map", bent("net-map", Change.setMapAttribute("goals", new Value.Rows(rows))), "net-map.goal-without-stance",
                Finding.Severity.INFO);
    }

    // ---- power/interest
    @Test
    void powerInterestActorWithoutInterestOrInfluenceIsFlagged() {
        MapDocument doc = bent("power-interest", Change.setAttribute("mayor", "interest", null), Change.setAttribute("chamber", "influence", null),
                Change.setAttribute("union", "goals", null));
        expect("power-interest", doc, "power-interest.actor-without-interest", Finding.Severity.WARNING, "mayor");
        expect("power-interest", doc, "power-interest.actor-without-influence", Finding.Severity.WARNING, "chamber");
        expect("power-interest", doc, "power-interest.actor-without-goal", Finding.Severity.WARNING, "union");
    }

    // ---- theory of change
    @Test
    void theoryOfChangeWithoutLongTermOutcomeIsAnError() {
        expect("theory-of-change", bent("theory-of-change", Change.remove("lto")), "toc.no-long-term-outcome", Finding.Severity.ERROR);
    }

    @Test
    void secondLongTermOutcomeIsFlagged() {
        expect("theory-of-change", bent("theory-of-change", node("lto2", "long-term-outcome", "Second", Map.of())),
                "toc.several-long-term-outcomes", Finding.Severity.WARNING, "lto", "lto2");
    }

    @Test
    void missingImpactIsFlagged() {
        expect("theory-of-change", bent("theory-of-change", Change.remove("impact")), "toc.no-impact", Finding.Severity.WARNING);
    }

    @Test
    void preconditionNotLeadingToTheLongTermOutcomeIsFlagged() {
        expect("theory-of-change", bent("theory-of-change", Change.remove("c-coalition-ordinance")), "toc.precondition-not-leading",
                Finding.Severity.WARNING, "p-coalition");
    }

    @Test
    void causalCycleIsAnErrorNamingTheLoop() {
        List<Finding> f = expect("theory-of-change", bent("theory-of-change", link("loop", "causal", "p-comply", "p-enforcement")),
                "toc.causal-cycle", Finding.Severity.ERROR, "p-comply", "p-enforcement");
        assertTrue(f.get(0).message().contains("\u2192"), f.get(0)::message);
    }

    @Test
    void outcomeWithoutIndicatorIsFlagged() {
        expect("theory-of-change", bent("theory-of-change", Change.setAttribute("p-rights", "indicators", null)),
                "toc.outcome-without-indicator", Finding.Severity.WARNING, "p-rights");
    }

    @Test
    void interventionNotTiedIsFlaggedAndOneTiedToNothingIsAnError() {
        expect("theory-of-change", bent("theory-of-change", Change.setAttribute("i-survey", "attachedTo", null)),
                "toc.intervention-not-tied", Finding.Severity.WARNING, "i-survey");
        expect("theory-of-change", bent("theory-of-change", Change.setAttribute("i-survey", "attachedTo", Value.text("p-gone"))),
                "toc.intervention-tied-to-nothing", Finding.Severity.ERROR, "i-survey");
        // tied to an intervention is tied to nothing an intervention can act on
        expect("theory-of-change", bent("theory-of-change", Change.setAttribute("i-survey", "attachedTo", Value.text("i-campaign"))),
                "toc.intervention-tied-to-nothing", Finding.Severity.ERROR, "i-survey");
    }

    @Test
    void ceilingOfAccountabilityMustBePlacedBetweenImpactAndLongTermOutcome() {
        expect("theory-of-change", bent("theory-of-change", Change.setMapAttribute("ceilingY", null)), "toc.ceiling-not-placed",
                Finding.Severity.WARNING);
        expect("theory-of-change", bent("theory-of-change", Change.setMapAttribute("ceilingY", Value.decimal(5000.0))),
                "toc.ceiling-misplaced", Finding.Severity.WARNING, "lto");
        expect("theory-of-change", bent("theory-of-change", Change.setMapAttribute("ceilingY", Value.decimal(-50.0))),
                "toc.ceiling-misplaced", Finding.Severity.WARNING, "impact");
    }

    // ---- action plan
    @Test
    void actionWithoutOwnerOrDueDateIsFlagged() {
        MapDocument doc = bent("action-plan", Change.setAttribute("a-draft", "owner", null), Change.setAttribute("a-testify", "due", null));
        expect("action-plan", doc, "action-plan.no-owner", Finding.Severity.WARNING, "a-draft");
        expect("action-plan", doc, "action-plan.no-due-date", Finding.Severity.WARNING, "a-testify");
    }

    @Test
    void actionDueBeforeItStartsIsAnError() {
        List<Finding> f = expect("action-plan", bent("action-plan", Change.setAttribute("a-card", "due", Value.date(LocalDate.of(2026, 1, 1)))),
                "action-plan.due-before-start", Finding.Severity.ERROR, "a-card");
        assertTrue(f.get(0).message().contains("2026-01-01"), f.get(0)::message);
    }

    @Test
    void actionServingNothingIsNoted() {
        expect("action-plan", bent("action-plan", Change.setAttribute("a-card", "serves", null)), "action-plan.serves-nothing",
                Finding.Severity.INFO, "a-card");
    }

    @Test
    void findingsSpeakTheMapsLanguage() {
        List<Finding> f = Examples.method("action-plan").check(bent("action-plan", Examples.ES, Change.setAttribute("a-draft", "owner", null)));
        assertEquals("“Redactar la ordenanza de responsabilidad solidaria” aún no tiene responsable.", f.get(0).message());
    }
}
