package org.mapwork.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mapwork.export.format.PdfExport;
import org.mapwork.export.paint.MapPainter;
import org.mapwork.export.paint.RenderOptions;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;

class PdfExportTest {

    private final MapPainter painter = new MapPainter(TestMethod.LOOKUP);

    private byte[] pdf(MapDocument doc, PdfExport.PageSize size) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfExport.write(doc, painter, RenderOptions.file(), size, out);
        return out.toByteArray();
    }

    @Test
    void everyLabelCanBeFoundInThePdfText() throws Exception {
        MapDocument doc = TestMaps.workersCentre();
        byte[] bytes = pdf(doc, PdfExport.PageSize.FIT);
        Files.createDirectories(Path.of("target", "look"));
        Files.write(Path.of("target", "look", "workers.pdf"), bytes);
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            for (Element e : doc.elements()) {
                if (!e.label().isEmpty()) {
                    assertTrue(text.contains(e.label().replaceAll("\\s+", " ")), "label \"" + e.label() + "\" not found in: " + text);
                }
            }
            assertTrue(text.contains(doc.title()), "title");
            assertTrue(text.contains("Legend"));
        }
    }

    @Test
    void wordsWithFfiAndFlAreWrittenLetterByLetterSoASearchFindsThem() throws Exception {
        TestMaps.Builder b = new TestMaps.Builder("m-lig", "ligatures");
        b.node("o1", "actor", "Mayor's Office", 0, 0, 160, 60);
        b.node("o2", "actor", "Staffing conflict official", 0, 100, 200, 60);
        byte[] bytes = pdf(b.build(), PdfExport.PageSize.FIT);
        StringBuilder raw = new StringBuilder();
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            // the glyphs' own Unicode, before PDFTextStripper folds ligatures back into letters
            PDFTextStripper glyphs = new PDFTextStripper() {
                @Override
                protected void writeString(String text, java.util.List<org.apache.pdfbox.text.TextPosition> positions) {
                    positions.forEach(p -> raw.append(p.getUnicode()));
                    raw.append(' ');
                }
            };
            glyphs.getText(pdf);
        }
        String text = raw.toString();
        assertTrue(text.chars().noneMatch(c -> c >= 0xFB00 && c <= 0xFB06), "a ligature glyph in: " + text);
        for (String word : new String[] {"Office", "Staffing", "conflict", "official"}) {
            assertTrue(text.contains(word), word + " in: " + text);
        }
    }

    @Test
    void hostileLabelsBecomePlainText() throws Exception {
        byte[] bytes = pdf(TestMaps.hostile(), PdfExport.PageSize.FIT);
        Files.write(Path.of("target", "look", "hostile.pdf"), bytes);
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
            assertTrue(text.contains("<script>alert('x')"), text.substring(0, Math.min(300, text.length())));
            assertTrue(text.contains("Tom&Jerry's"), "quotes and ampersands as they are");
            assertTrue(pdf.getDocumentCatalog().getNames() == null || pdf.getDocumentCatalog().getNames().getJavaScript() == null,
                    "no JavaScript in the PDF");
            assertTrue(pdf.getDocumentCatalog().getOpenAction() == null, "no open action");
        }
    }

    @Test
    void theBundledFontIsEmbedded() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(pdf(TestMaps.workersCentre(), PdfExport.PageSize.FIT))) {
            PDPage page = pdf.getPage(0);
            boolean found = false;
            for (var name : page.getResources().getXObjectNames()) {
                PDXObject x = page.getResources().getXObject(name);
                if (x instanceof PDFormXObject form) {
                    for (var fontName : form.getResources().getFontNames()) {
                        PDFont font = form.getResources().getFont(fontName);
                        assertTrue(font.isEmbedded(), font.getName() + " embedded");
                        found |= font.getName().contains("DejaVuSans");
                    }
                }
            }
            assertTrue(found, "DejaVu Sans is used");
        }
    }

    @Test
    void a4LandscapeFitsTheMapOnTheSheet() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(pdf(TestMaps.grid(200, 1), PdfExport.PageSize.A4))) {
            var box = pdf.getPage(0).getMediaBox();
            assertEquals(842, box.getWidth(), 1);
            assertEquals(595, box.getHeight(), 1);
            assertFalse(new PDFTextStripper().getText(pdf).isBlank());
        }
    }
}
