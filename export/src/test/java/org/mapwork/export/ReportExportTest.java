package org.mapwork.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.mapwork.export.format.ReportExport;
import org.mapwork.export.imports.EmbeddedMapImport;
import org.mapwork.export.imports.SafeXml;
import org.mapwork.export.paint.MapPainter;
import org.mapwork.model.MapDocument;
import org.w3c.dom.Document;

class ReportExportTest {

    private final ReportExport reports = new ReportExport(TestMethod.LOOKUP, Locale.ENGLISH);

    @Test
    void markdownReportMatchesItsGoldenFile() throws Exception {
        String md = reports.markdown(TestMaps.workersCentre(), "workers.svg");
        Golden.check("workers.md", md);
        assertTrue(md.contains("## Actors ranked by influence"));
        // the ministry (influence 9) ranks first, the clinic (3) last
        assertTrue(md.indexOf("| 1 | Ministry of Labour |") < md.indexOf("| 4 | Community health clinic |"), md);
    }

    @Test
    void htmlReportEmbedsTheFigureAsWellFormedSvgThatReopens() throws Exception {
        MapDocument doc = TestMaps.workersCentre();
        String html = reports.html(doc, new MapPainter(TestMethod.LOOKUP));
        int start = html.indexOf("<svg"), end = html.lastIndexOf("</svg>") + "</svg>".length();
        assertTrue(start > 0 && end > start, "an inline svg");
        String svg = html.substring(start, end);
        Document dom = SafeXml.parse("inline.svg", new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", dom.getDocumentElement().getLocalName());
        assertEquals(doc, new EmbeddedMapImport(TestMethod.REGISTRY).readSvg("inline.svg", new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))));
        assertTrue(html.contains("<td>Ministry of Labour</td>"));
    }

    @Test
    void hostileLabelsAreEscapedInBothReports() throws Exception {
        MapDocument doc = TestMaps.hostile();
        String html = reports.html(doc, new MapPainter(TestMethod.LOOKUP));
        String lower = html.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<script"), "no script element");
        assertFalse(lower.contains("<img"), "no img element");
        assertFalse(lower.matches("(?s).*<[a-z][^>]*\\son[a-z]+\\s*=.*"), "no event attribute on any tag");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        String md = reports.markdown(doc, "hostile.svg");
        assertFalse(md.contains("<script"), "no raw HTML from labels in Markdown");
        assertFalse(md.contains("<img"), "no raw HTML from labels in Markdown");
        assertTrue(md.contains("&lt;script&gt;"));
    }
}
