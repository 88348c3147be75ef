package org.mapwork.editor.panels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;

import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mapwork.editor.i18n.Ui;
import org.mapwork.editor.map.TestMaps;
import org.mapwork.editor.map.Words;
import org.mapwork.model.Value;
import org.mapwork.model.schema.AttributeDef;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A decimal field writes and reads numbers as the editor's language does: 185,0 in Spanish, 185.0 in English. */
@ExtendWith(ApplicationExtension.class)
class DecimalFieldTest {

    @Start
    void start(Stage stage) {
    }

    @AfterEach
    void english() {
        Ui.setLocale(Locale.ENGLISH);
    }

    private static TextField field(Value[] got) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            var vm = TestMaps.viewModel(TestMaps.threeActors());
            PropertiesView view = new PropertiesView(vm);
            return (TextField) view.editor(AttributeDef.decimal("share", null, null), () -> got[0] == null
                    ? Value.decimal(185.0) : got[0], new Words(null, vm.document()), v -> got[0] = v);
        }).get();
    }

    private static void type(TextField f, String text) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            f.setText(text);
            f.fireEvent(new javafx.event.ActionEvent());
        }).get();
    }

    @Test
    void spanish_writes_a_decimal_comma_and_reads_it_back() throws Exception {
        Ui.setLocale(Locale.forLanguageTag("es"));
        Value[] got = new Value[1];
        TextField f = field(got);
        assertEquals("185,0", f.getText());
        type(f, "12,5");
        assertEquals(Value.decimal(12.5), got[0]);
    }

    @Test
    void english_writes_a_decimal_point() throws Exception {
        Ui.setLocale(Locale.ENGLISH);
        Value[] got = new Value[1];
        TextField f = field(got);
        assertEquals("185.0", f.getText());
        type(f, "12.25");
        assertEquals(Value.decimal(12.25), got[0]);
    }
}
