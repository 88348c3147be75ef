package org.mapwork.export.paint;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.mapwork.model.MapDocument;
import org.mapwork.templates.Backdrop;

/**
 * Where the drawing of one snapshot differs from that of the next (see {@link MapPainter#damage}): the items a patch
 * replaced, or, when the scene is built anew, the items not drawn alike; and the backdrops when they follow the content.
 */
final class SceneDamage {

    private SceneDamage() {
    }

    /** What {@link MapPainter#damage(MapDocument, MapDocument, Set)} answers, for {@code painter}'s scenes. */
    static Damage between(MapPainter painter, MapDocument before, MapDocument after, Set<String> unseen) {
        if (before == after) {
            return Damage.NONE;
        }
        if (!before.methodId().equals(after.methodId()) || before.mapAttributes() != after.mapAttributes()) {
            return Damage.EVERYTHING;
        }
        MapScene old = painter.scene(before);
        List<Backdrop> oldBackdrops = old.backdrops;
        Rectangle2D oldContent = (Rectangle2D) old.content.clone();
        List<Rectangle2D> areas = new ArrayList<>();
        MapScene now = changedItems(painter, old, after, item -> {
            if (!unseen.contains(item.element.id())) {
                areas.add(item.bounds);
            }
        });
        if (!now.backdrops.equals(oldBackdrops) || !now.backdrops.isEmpty() && !now.content.equals(oldContent)) {
            // backdrops follow the content (the heading sits above it, the ceiling spans it): where they were and are
            areas.addAll(backdropAreas(painter.textWrapper(), oldBackdrops, oldContent));
            areas.addAll(backdropAreas(painter.textWrapper(), now.backdrops, now.content));
        }
        return areas.size() > Damage.MAX_AREAS ? Damage.EVERYTHING : Damage.of(areas);
    }

    /** What {@link MapPainter#changedElements} answers, for {@code painter}'s scenes. */
    static Set<String> changedElements(MapPainter painter, MapDocument before, MapDocument after) {
        if (before == after) {
            return Set.of();
        }
        if (!before.methodId().equals(after.methodId()) || before.mapAttributes() != after.mapAttributes()) {
            return null;
        }
        Set<String> ids = new HashSet<>();
        changedItems(painter, painter.scene(before), after, item -> ids.add(item.element.id()));
        return ids;
    }

    /**
     * Brings {@code painter} from scene {@code old} to {@code after}, telling {@code changed} each item (before and
     * after) that is added, removed or drawn differently, and returns the new scene, which the painter keeps.
     */
    private static MapScene changedItems(MapPainter painter, MapScene old, MapDocument after, Consumer<SceneItem> changed) {
        MapScene now;
        if (old.updateTo(after)) {
            // patched in place: the items it took out, put in or replaced are all that changed
            now = old;
            now.patched().forEach(changed);
        } else {
            // a patch that declines leaves the old scene as it was: compare the new one with it
            now = painter.build(after, old);
            for (SceneItem item : now.items) {
                SceneItem was = old.item(item.element.id());
                if (!SceneItem.drawnAlike(was, item)) {
                    if (was != null) {
                        changed.accept(was);
                    }
                    changed.accept(item);
                }
            }
            for (SceneItem gone : old.items) {
                if (now.item(gone.element.id()) == null) {
                    changed.accept(gone);
                }
            }
        }
        painter.keep(now);
        return now;
    }

    /** Where backdrops are drawn over content {@code c}, generously (their labels and the heading above the content). */
    private static List<Rectangle2D> backdropAreas(TextWrapper text, List<Backdrop> backdrops, Rectangle2D c) {
        List<Rectangle2D> out = new ArrayList<>();
        for (Backdrop b : backdrops) {
            Rectangle2D r;
            if (b instanceof Backdrop.Heading h) {
                WrappedText t = PageFrame.heading(text, h, c);
                r = new Rectangle2D.Double(c.getMinX(), PageFrame.headingTop(c, t), t.maxWidth(), t.height());
            } else if (b instanceof Backdrop.HorizontalLine h) {
                r = new Rectangle2D.Double(c.getMinX(), h.y() - 24, c.getWidth(), 28);
            } else {
                r = SceneShapes.backdropBounds(b);
            }
            if (r != null) {
                out.add(new Rectangle2D.Double(r.getX() - 8, r.getY() - 8, r.getWidth() + 16, r.getHeight() + 16));
            }
        }
        return out;
    }
}
