package org.mapwork.editor.map;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.mapwork.model.ChangeSet;
import org.mapwork.model.MapDocument;
import org.mapwork.templates.AbstractMethodTemplate;
import org.mapwork.templates.AnalysisReport;
import org.mapwork.templates.Finding;
import org.mapwork.templates.MethodAction;
import org.mapwork.templates.PictogramStamp;
import org.mapwork.templates.Presentation;
import org.mapwork.templates.TowerHandle;
import org.mapwork.templates.common.Texts;
import org.mapwork.templates.common.TypedPresentation;

/**
 * The method of {@link TestMaps}' maps: actors with an influence tower (0..10) raised by + and −, pictures stamped
 * with a pictogram, nothing else. It has
 * no checks, analysis or layout of its own (a layout that moves nothing), which the editor's tests do not need.
 */
public final class TestMethod extends AbstractMethodTemplate {

    public static final String INFLUENCE = "influence";

    private final TowerHandle tower = new TowerHandle(TestMaps.SCHEMA, INFLUENCE, this::textsOf);
    private final Presentation presentation = new TypedPresentation(TestMaps.SCHEMA, this::textsOf, Map.of(), Map.of());

    public TestMethod() {
        super(TestMaps.SCHEMA.methodId(), TestMaps.SCHEMA, List.of());
    }

    @Override
    public List<MethodAction> actions(Locale locale) {
        return tower.actions(textsIn(locale));
    }

    @Override
    public Optional<TowerHandle> tower() {
        return Optional.of(tower);
    }

    @Override
    public Optional<PictogramStamp> pictograms() {
        return Optional.of(new PictogramStamp("picture", "pictogram", this::textsOf));
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

    @Override
    protected ChangeSet layoutOf(MapDocument doc, Set<String> selection) {
        return ChangeSet.of("Lay out", List.of());
    }

    @Override
    protected MapDocument emptyStarter(Locale locale) {
        return TestMaps.empty();
    }
}
