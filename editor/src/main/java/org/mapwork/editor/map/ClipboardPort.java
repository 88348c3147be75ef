package org.mapwork.editor.map;

import java.util.Optional;

/** The system clipboard as the map view model sees it (the window gives the real one, tests a plain field). */
public interface ClipboardPort {

    /** Puts a map fragment as native Mapwork JSON (also readable as plain text). */
    void putMapJson(String json);

    /** The clipboard's Mapwork JSON if it holds some, else its plain text, if any. */
    Optional<String> text();

    /** A clipboard that lives only in this object. */
    static ClipboardPort inMemory() {
        return new ClipboardPort() {
            private String content;

            @Override
            public void putMapJson(String json) {
                content = json;
            }

            @Override
            public Optional<String> text() {
                return Optional.ofNullable(content);
            }

            @Override
            public String toString() {
                return "clipboard[" + content + "]";
            }
        };
    }
}
