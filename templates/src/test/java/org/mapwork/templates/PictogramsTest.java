package org.mapwork.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.mapwork.templates.richpicture.RichPictureTemplate;

class PictogramsTest {

    static final List<String> REQUIRED = List.of("person", "group", "worker", "employer", "workplace", "clinic", "government",
            "union", "money", "conflict", "watching-eye", "heart", "speech", "thought", "question", "clock", "home", "document");

    @Test
    void everyPictogramTheIssueAsksForIsThere() {
        assertTrue(Pictograms.names().containsAll(REQUIRED), Pictograms.names()::toString);
    }

    @Test
    void pathsUseOnlyAbsoluteMoveLineCurveCloseInsideTheBox() {
        Pattern number = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
        for (String name : Pictograms.names()) {
            String d = Pictograms.svgPath(name).orElseThrow();
            assertTrue(d.matches("[MLCZ0-9., -]+"), name + ": " + d);
            assertTrue(d.startsWith("M") && d.trim().endsWith("Z"), name);
            Matcher m = number.matcher(d);
            int count = 0;
            while (m.find()) {
                double v = Double.parseDouble(m.group());
                assertTrue(v >= 0 && v <= 24, name + " leaves the 24×24 box: " + v);
                count++;
            }
            assertTrue(count >= 6, name);
        }
    }

    @Test
    void theRichPictureOffersEveryPictogramAsASymbol() {
        assertTrue(RichPictureTemplate.SCHEMA.nodeTypes().get("sticker").attribute("symbol").options().containsAll(Pictograms.names()));
    }

    @Test
    void coordinatesAreWrittenAsTwoDecimalsWithoutTrailingZeros() {
        java.util.Random random = new java.util.Random(7);
        List<Double> values = new java.util.ArrayList<>(List.of(0.0, -0.0, -0.001, -0.004, -0.005, 0.005, 0.015, 1.005, 2.675,
                12.5, 12.345, -12.345, 24.0, 1e-9, -1e-9, 0.125, 99.995, 1e20, -3.0));
        for (int i = 0; i < 200_000; i++) {
            values.add((random.nextDouble() - 0.5) * 60);
            values.add(Math.round(random.nextDouble() * 24_000) / 1000.0); // three decimals: the halves that round
        }
        for (double v : values) {
            String formatted = String.format(java.util.Locale.ROOT, "%.2f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
            assertEquals(formatted.equals("-0") ? "0" : formatted, Pictograms.number(v), () -> Double.toString(v));
        }
    }
}
