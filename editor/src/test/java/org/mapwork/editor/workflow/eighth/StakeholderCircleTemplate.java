package org.mapwork.editor.workflow.eighth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.model.schema.AttributeDef;
import org.mapwork.model.schema.LinkType;
import org.mapwork.model.schema.NodeType;
import org.mapwork.model.schema.Schema;
import org.mapwork.templates.AbstractMethodTemplate;
import org.mapwork.templates.AnalysisReport;
import org.mapwork.templates.Finding;
import org.mapwork.templates.MethodAction;
import org.mapwork.templates.Presentation;
import org.mapwork.templates.common.MapBuilder;
import org.mapwork.templates.common.Texts;
import org.mapwork.templates.common.TypedPresentation;

/**
 * An eighth method that exists only in the editor's tests, written as a new method would be (a template and its
 * texts, nothing in the editor): a stakeholder circle, where each stakeholder sits on a ring around the campaign,
 * 1 (the core) to 3 (the edge), and one action moves the selected stakeholders a ring closer (Alt+I).
 */
public final class StakeholderCircleTemplate extends AbstractMethodTemplate {

    public static final String ID = "stakeholder-circle";
    public static final String STAKEHOLDER = "stakeholder";
    public static final String RING = "ring";

    public static final Schema SCHEMA = Schema.builder(ID)
            .node(NodeType.of(STAKEHOLDER, AttributeDef.integer(RING, 1L, 3L)))
            .link(LinkType.any("knows", false))
            .mapAttribute(Texts.languageAttribute())
            .build();

    private final Presentation presentation = new TypedPresentation(SCHEMA, this::textsOf, Map.of(), Map.of());

    public StakeholderCircleTemplate() {
        super(ID, SCHEMA, List.of(new StepDef("who", List.of(STAKEHOLDER), 15)));
    }

    @Override
    public List<MethodAction> actions(Locale locale) {
        return List.of(new MethodAction("move-inward", textsIn(locale).get("action.inward"),
                MethodAction.Keys.alt("I", "Alt+I"), true,
                c -> c.selected().stream().anyMatch(e -> e.type().equals(STAKEHOLDER)), c -> inward(c.document(), c.selection())));
    }

    /** The selected stakeholders one ring closer to the core, in one step. */
    MethodAction.Effect inward(MapDocument doc, List<String> selection) {
        List<Change> changes = new ArrayList<>();
        List<Element> moved = new ArrayList<>();
        for (String id : selection) {
            Element e = doc.element(id);
            long ring = e != null && e.attribute(RING) instanceof Value.Int i ? i.value() : 3;
            if (e != null && e.type().equals(STAKEHOLDER) && ring > 1) {
                changes.add(Change.setAttribute(id, RING, new Value.Int(ring - 1)));
                moved.add(e);
            }
        }
        Texts t = textsOf(doc);
        if (changes.isEmpty()) {
            return new MethodAction.Refuse(t.get("edit.inward.none"));
        }
        String who = moved.size() == 1 ? name(moved.get(0)) : String.valueOf(moved.size());
        return new MethodAction.Apply(ChangeSet.of(t.format("edit.inward", who), changes));
    }

    @Override
    public Presentation presentation() {
        return presentation;
    }

    @Override
    protected List<Finding> check(MapDocument doc, Texts texts) {
        return List.of();
    }

    @Override
    protected AnalysisReport analyze(MapDocument doc, Texts texts) {
        return new AnalysisReport(List.of());
    }

    /** The circle is drawn by hand in this test method: its layout moves nothing. */
    @Override
    protected ChangeSet layoutOf(MapDocument doc, Set<String> selection) {
        return ChangeSet.of("Lay out", List.of());
    }

    @Override
    protected MapDocument emptyStarter(Locale locale) {
        Texts t = textsIn(locale);
        return MapBuilder.of(SCHEMA, t.get("starter.title"), locale)
                .node("union", STAKEHOLDER, "Tenants' union", 200, 200, 160, 70, Map.of(RING, new Value.Int(3)))
                .node("pastor", STAKEHOLDER, "Pastor Ruiz", 520, 320, 160, 70, Map.of(RING, new Value.Int(2)))
                .build();
    }
}
