package org.mapwork.editor.view;

import java.util.Optional;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;

import org.mapwork.editor.map.ClipboardPort;

/**
 * The system clipboard as the view model's {@link ClipboardPort}: copied elements go on it as Mapwork JSON, beside
 * plain text, so pasting works between maps and windows (and a list of names from elsewhere pastes as nodes).
 */
final class SystemClipboard implements ClipboardPort {

    /** The Mapwork JSON clipboard format. */
    static final DataFormat MAP_JSON = new DataFormat("application/x-mapwork+json");

    @Override
    public void putMapJson(String json) {
        ClipboardContent c = new ClipboardContent();
        c.put(MAP_JSON, json);
        c.putString(json);
        Clipboard.getSystemClipboard().setContent(c);
    }

    @Override
    public Optional<String> text() {
        Clipboard cb = Clipboard.getSystemClipboard();
        if (cb.hasContent(MAP_JSON) && cb.getContent(MAP_JSON) instanceof String s) {
            return Optional.of(s);
        }
        return Optional.ofNullable(cb.hasString() ? cb.getString() : null);
    }
}
