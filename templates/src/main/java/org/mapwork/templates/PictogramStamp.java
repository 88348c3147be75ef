package org.mapwork.templates;

import java.util.Optional;
import java.util.function.Function;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.Ids;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.templates.common.Texts;

/**
 * How a method's maps take pictograms: the editor's stamp tool puts one of {@link Pictograms} on the map as a node
 * of {@code nodeType} whose {@code symbol} attribute names it (the rich picture's stickers). The undo summary is
 * the method's text {@code edit.stamp} ({0}: the pictogram's name in the map's language).
 *
 * @param nodeType the node type of a stamped pictogram
 * @param symbol   its attribute naming the pictogram
 * @param texts    the method's texts in the language a map speaks
 */
public record PictogramStamp(String nodeType, String symbol, Function<MapDocument, Texts> texts) {

    /**
     * A new node showing {@code pictogram} at {@code box}, in one step; empty when none is chosen. (Which names a map
     * takes is its schema's business: the rich picture's {@code symbol} lists {@link Pictograms#names()}.)
     */
    public Optional<ChangeSet> stamp(MapDocument doc, String pictogram, Geometry box) {
        if (pictogram == null || pictogram.isBlank()) {
            return Optional.empty();
        }
        Element e = Element.node(Ids.newId("n"), nodeType, "", box, doc.nextOrderKey())
                .withAttribute(symbol, new Value.Text(pictogram));
        Texts t = texts.apply(doc);
        return Optional.of(ChangeSet.of(t.format("edit.stamp", t.option(symbol, pictogram)), Change.add(e)));
    }
}
