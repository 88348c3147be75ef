package org.mapwork.bench;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapJson;

/**
 * Writes the large inputs that issue 15's finding 6 measured the readers with, reproducibly, so that no such file is
 * committed: {@code map OUT ACTORS} a Net-Map power map ({@link BigNetMap}, 1.5 links per actor) as
 * {@code .mapwork.json}; {@code csv OUT ROWS} an actors sheet as {@code mapwork export --format csv} writes one, with
 * only ids and labels filled (no coordinates, so the import places every actor itself); {@code png OUT MIB} a 1×1 PNG
 * whose Mapwork text chunk is zlib of MIB mebibytes of spaces (a "zip bomb" of a few MB).
 *
 * <pre>java -cp … org.mapwork.bench.BigInputs map /tmp/big.mapwork.json 450000</pre>
 */
public final class BigInputs {

    private BigInputs() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3 || !List.of("map", "csv", "png").contains(args[0])) {
            System.err.println("usage: BigInputs map OUT.mapwork.json ACTORS | csv OUT-nodes.csv ROWS | png OUT.png MIB");
            System.exit(2);
        }
        Path out = Path.of(args[1]);
        int n = Integer.parseInt(args[2]);
        if (args[0].equals("map")) {
            MapDocument doc = BigNetMap.generate(n, n * 3 / 2, 15);
            MapJson.writeFile(doc, out);
        } else if (args[0].equals("png")) {
            writeBomb(out, n);
        } else {
            try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                w.write("id,label\r\n");
                for (int i = 0; i < n; i++) {
                    w.write("a" + i + ",Actor " + i + "\r\n");
                }
            }
        }
        System.out.println(out + ": " + Files.size(out) + " bytes");
    }

    /** A 1×1 grey PNG (PNG 1.2: signature, IHDR, iTXt, IDAT, IEND) with an iTXt "mapwork" inflating to {@code mib} MiB. */
    private static void writeBomb(Path out, int mib) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        text.write("mapwork".getBytes(StandardCharsets.ISO_8859_1));
        text.write(new byte[] {0, 1, 0, 0, 0}); // end of keyword, compressed, zlib, no language, no translated keyword
        try (DeflaterOutputStream z = new DeflaterOutputStream(text, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < mib; i++) {
                z.write(spaces);
            }
        }
        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(pixels)) {
            z.write(new byte[] {0, (byte) 0x80}); // filter type 0, one grey pixel
        }
        try (DataOutputStream png = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(out)))) {
            png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(1).putInt(1).put((byte) 8).put((byte) 0)
                    .put((byte) 0).put((byte) 0).put((byte) 0).array());
            chunk(png, "iTXt", text.toByteArray());
            chunk(png, "IDAT", pixels.toByteArray());
            chunk(png, "IEND", new byte[0]);
        }
    }

    private static void chunk(DataOutputStream png, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        png.writeInt(data.length);
        png.write(name);
        png.write(data);
        png.writeInt((int) crc.getValue());
    }
}
