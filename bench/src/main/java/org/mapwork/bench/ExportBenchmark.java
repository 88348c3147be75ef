package org.mapwork.bench;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.apache.batik.dom.GenericDOMImplementation;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.mapwork.export.format.PdfExport;
import org.mapwork.export.format.PngExport;
import org.mapwork.export.format.SvgExport;
import org.mapwork.export.paint.MapPainter;
import org.mapwork.export.paint.RenderOptions;
import org.mapwork.export.paint.Viewport;
import org.mapwork.model.MapDocument;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import com.mxgraph.util.mxCellRenderer;
import com.mxgraph.view.mxGraph;

/**
 * Exports a 1,000-actor / 1,500-link power map to SVG, PDF and PNG (300 dpi) with Mapwork's painter, and the same
 * graph with JGraphX's own exporters ({@code mxCellRenderer.createSvgDocument}, {@code createBufferedImage}), each
 * written to bytes the same way. Every Mapwork export starts from a fresh painter, as a real export does.
 * Run: {@code java -jar bench/target/benchmarks.jar ExportBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-Djava.awt.headless=true"})
public class ExportBenchmark {

    /** PNG resolution; 300 is the print default. */
    @Param({"300"})
    public double dpi;

    MapDocument doc;
    mxGraph graph;
    RenderOptions opts;

    @Setup
    public void setUp() {
        // 40 columns × 25 rows, 170 × 100 apart: about 6,800 × 2,500 map units (a 71-inch poster at 96 per inch)
        doc = PowerMaps.netMap(1000, 1500, 40, 170, 100);
        graph = JGraphxMaps.graph(doc);
        opts = RenderOptions.file();
    }

    @Benchmark
    public byte[] mapworkSvg() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 22);
        SvgExport.write(doc, new MapPainter(), opts, out);
        return out.toByteArray();
    }

    /**
     * Mapwork's SVG as it was written until issue 10 (the painter on Batik's SVG generator, its DOM written by a JAXP
     * transformer), without the embedded map: a lower bound of the old export's time, to compare in one run.
     */
    @Benchmark
    public byte[] batikSvgBefore() throws Exception {
        Document dom = GenericDOMImplementation.getDOMImplementation().createDocument(SvgExport.SVG_NS, "svg", null);
        SVGGeneratorContext ctx = SVGGeneratorContext.createDefault(dom);
        ctx.setEmbeddedFontsOn(false);
        ctx.setComment(null);
        ctx.setPrecision(3);
        SVGGraphics2D g = new SVGGraphics2D(ctx, false);
        MapPainter painter = new MapPainter();
        Rectangle2D extent = painter.extent(doc, opts);
        painter.paint(g, doc, Viewport.of(extent, 1), opts);
        Element root = g.getRoot();
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 22);
        Transformer t = TransformerFactory.newInstance().newTransformer();
        t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        t.transform(new DOMSource(root), new StreamResult(out));
        return out.toByteArray();
    }

    @Benchmark
    public byte[] mapworkPdf() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 22);
        PdfExport.write(doc, new MapPainter(), opts, PdfExport.PageSize.FIT, out);
        return out.toByteArray();
    }

    @Benchmark
    public byte[] mapworkPng() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 24);
        PngExport.write(doc, new MapPainter(), opts, dpi, out);
        return out.toByteArray();
    }

    @Benchmark
    public BufferedImage mapworkImageOnly() {
        return PngExport.render(doc, new MapPainter(), opts, dpi);
    }

    @Benchmark
    public byte[] jgraphxSvg() throws Exception {
        Document svg = mxCellRenderer.createSvgDocument(graph, null, 1, Color.WHITE, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 22);
        Transformer t = TransformerFactory.newInstance().newTransformer();
        t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        t.transform(new DOMSource(svg), new StreamResult(out));
        return out.toByteArray();
    }

    @Benchmark
    public byte[] jgraphxPng() throws IOException {
        BufferedImage img = mxCellRenderer.createBufferedImage(graph, null, dpi / 96.0, Color.WHITE, true, null);
        return encode(img);
    }

    @Benchmark
    public BufferedImage jgraphxImageOnly() {
        return mxCellRenderer.createBufferedImage(graph, null, dpi / 96.0, Color.WHITE, true, null);
    }

    /** PNG bytes with the same writer settings as Mapwork's PNG export, without its metadata. */
    static byte[] encode(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 24);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.6f);
            writer.setOutput(ios);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
