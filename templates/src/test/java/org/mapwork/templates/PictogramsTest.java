package org.mapwork.templates;

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
}
