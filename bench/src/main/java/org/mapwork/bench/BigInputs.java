package org.mapwork.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapJson;

/**
 * Writes the large inputs that issue 15's finding 6 measured the readers with, reproducibly, so that no such file is
 * committed: {@code map OUT ACTORS} a Net-Map power map ({@link BigNetMap}, 1.5 links per actor) as
 * {@code .mapwork.json}; {@code csv OUT ROWS} an actors sheet as {@code mapwork export --format csv} writes one, with
 * only ids and labels filled (no coordinates, so the import places every actor itself).
 *
 * <pre>java -cp … org.mapwork.bench.BigInputs map /tmp/big.mapwork.json 450000</pre>
 */
public final class BigInputs {

    private BigInputs() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3 || !(args[0].equals("map") || args[0].equals("csv"))) {
            System.err.println("usage: BigInputs map OUT.mapwork.json ACTORS | BigInputs csv OUT-nodes.csv ROWS");
            System.exit(2);
        }
        Path out = Path.of(args[1]);
        int n = Integer.parseInt(args[2]);
        if (args[0].equals("map")) {
            MapDocument doc = BigNetMap.generate(n, n * 3 / 2, 15);
            MapJson.writeFile(doc, out);
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
}
