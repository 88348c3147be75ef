package org.mapwork.templates;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rich picture's pictograms as SVG path data in a 24×24 box, so they export as crisp vectors. Drawn for
 * Mapwork out of circles, polygons and curves (see the builders below); no icon set is copied.
 *
 * <p>The path data uses only absolute {@code M}, {@code L}, {@code C} and {@code Z} commands. Fill it with the
 * <b>non-zero</b> winding rule (SVG's default, {@code Path2D.WIND_NON_ZERO}): every filled part runs clockwise on
 * screen and every hole counter-clockwise, and filled parts may overlap (the even-odd rule would punch holes there).
 */
public final class Pictograms {

    private static final Map<String, String> PATHS = build();

    private Pictograms() {
    }

    /** The pictogram names, in a stable order (the order of the rich picture's palette). */
    public static Set<String> names() {
        return PATHS.keySet();
    }

    /** SVG path data ({@code d} attribute) of a pictogram in a 24×24 box. */
    public static Optional<String> svgPath(String name) {
        return Optional.ofNullable(PATHS.get(name));
    }

    /**
     * A coordinate as the paths write it: two decimals at most, no trailing zeros, no "-0" (what
     * {@code String.format(Locale.ROOT, "%.2f", v)} with the zeros stripped gives, and PictogramsTest checks that).
     * Not through the Formatter and regular expressions: on a cold JVM those took ~0.1 s for the few hundred numbers
     * built while the editor starts.
     */
    static String number(double v) {
        String s = BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    private static Map<String, String> build() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("person", new Shape().circle(12, 6.5, 3.8, false).person(12, 12, 7, 22).d());
        m.put("group", new Shape()
                .circle(6, 6.5, 2.6, false).person(6, 10.5, 4.6, 17)
                .circle(18, 6.5, 2.6, false).person(18, 10.5, 4.6, 17)
                .circle(12, 9, 3.2, false).person(12, 13.5, 6.2, 22).d());
        m.put("worker", new Shape().circle(12, 9.5, 3.3, false)
                // hard hat: a dome with a brim
                .path(false, 7.6, 8).cubic(7.6, 3.2, 16.4, 3.2, 16.4, 8).line(18.2, 8).line(18.2, 9.2).line(5.8, 9.2).line(5.8, 8).close()
                .person(12, 14, 7, 22).d());
        m.put("employer", new Shape().circle(12, 6.5, 3.8, false).person(12, 12, 7, 22)
                // a tie cut out of the jacket
                .poly(true, 12, 12.6, 13.3, 14, 12.7, 19.5, 12, 20.6, 11.3, 19.5, 10.7, 14).d());
        m.put("workplace", new Shape()
                .poly(false, 2, 21.5, 2, 11, 7, 8, 7, 11, 12, 8, 12, 11, 16.5, 8, 16.5, 2.5, 20.5, 2.5, 20.5, 21.5)
                .rect(4.2, 14, 2.6, 3.2, true).rect(9.2, 14, 2.6, 3.2, true).rect(14.2, 14, 2.6, 3.2, true).d());
        m.put("clinic", new Shape().roundRect(3, 3.5, 18, 18.5, 1.5, false)
                .poly(true, 10.5, 7, 13.5, 7, 13.5, 11, 17.5, 11, 17.5, 14, 13.5, 14, 13.5, 18, 10.5, 18, 10.5, 14, 6.5, 14, 6.5, 11, 10.5, 11).d());
        m.put("government", new Shape().poly(false, 1.5, 8.3, 12, 2, 22.5, 8.3)
                .rect(2.5, 9.2, 19, 1.4, false)
                .rect(4, 11.4, 2.4, 7, false).rect(8.6, 11.4, 2.4, 7, false).rect(13, 11.4, 2.4, 7, false).rect(17.6, 11.4, 2.4, 7, false)
                .rect(2.5, 19.2, 19, 1.3, false).rect(1.5, 21, 21, 1.5, false).d());
        m.put("union", new Shape()
                // a raised fist: fingers as a block with slits, thumb across, forearm below
                .roundRect(6, 3.5, 12, 10.5, 2.2, false)
                .rect(8.9, 4.1, 0.7, 4.6, true).rect(11.7, 4.1, 0.7, 4.6, true).rect(14.5, 4.1, 0.7, 4.6, true)
                .rect(7, 9.6, 8.5, 0.8, true)
                .poly(false, 8.2, 13.5, 15.8, 13.5, 16.4, 22.5, 7.6, 22.5).d());
        m.put("money", new Shape().roundRect(1.5, 6, 21, 12, 1.2, false).circle(12, 12, 3.6, true).circle(12, 12, 2, false)
                .circle(4.6, 9, 0.9, true).circle(19.4, 15, 0.9, true).d());
        m.put("conflict", new Shape().sword(3, 3, 21, 21).sword(21, 3, 3, 21).d());
        m.put("watching-eye", new Shape()
                .path(false, 1.5, 12).cubic(6, 4.5, 18, 4.5, 22.5, 12).cubic(18, 19.5, 6, 19.5, 1.5, 12).close()
                .circle(12, 12, 4.6, true).circle(12, 12, 2.3, false).d());
        m.put("heart", new Shape()
                .path(false, 12, 21).cubic(5, 15.5, 2, 12, 2, 8.2).cubic(2, 5.2, 4.4, 3, 7.2, 3).cubic(9.3, 3, 11, 4.3, 12, 6.4)
                .cubic(13, 4.3, 14.7, 3, 16.8, 3).cubic(19.6, 3, 22, 5.2, 22, 8.2).cubic(22, 12, 19, 15.5, 12, 21).close().d());
        m.put("speech", new Shape().roundRect(2, 3, 20, 13, 3, false).poly(false, 6, 15, 11.5, 15, 4.5, 21.5).d());
        m.put("thought", new Shape().ellipse(13.2, 9, 8.8, 6.2, false).circle(5.6, 17.6, 2.1, false).circle(2.8, 21.2, 1.2, false).d());
        m.put("question", new Shape().questionHook().circle(12, 20.3, 1.7, false).d());
        m.put("clock", new Shape().circle(12, 12, 10, false).circle(12, 12, 8.2, true)
                .thick(2, 12, 12.6, 12, 6).thick(2, 11.4, 12, 16.5, 12).circle(12, 12, 1.6, false).d());
        m.put("home", new Shape().poly(false, 2.5, 11.5, 12, 3, 21.5, 11.5, 19, 11.5, 19, 21.5, 14, 21.5, 14, 15, 10, 15, 10, 21.5, 5, 21.5, 5, 11.5).d());
        m.put("document", new Shape().poly(false, 4.5, 2, 14.5, 2, 19.5, 7, 19.5, 22, 4.5, 22)
                .poly(true, 14.5, 2.8, 14.5, 7, 18.7, 7)
                .rect(7.5, 10, 9, 1.3, true).rect(7.5, 13.2, 9, 1.3, true).rect(7.5, 16.4, 6, 1.3, true).d());
        return Collections.unmodifiableMap(m);
    }

    /** Builds path data out of closed parts, fixing each part's direction (clockwise fill, counter-clockwise hole). */
    private static final class Shape {
        private final StringBuilder d = new StringBuilder();
        private List<double[]> part;
        private boolean partIsHole;

        String d() {
            return d.toString().trim();
        }

        Shape path(boolean hole, double x, double y) {
            part = new ArrayList<>();
            partIsHole = hole;
            part.add(new double[]{x, y});
            return this;
        }

        Shape line(double x, double y) {
            part.add(new double[]{x, y});
            return this;
        }

        Shape cubic(double x1, double y1, double x2, double y2, double x, double y) {
            part.add(new double[]{x1, y1, x2, y2, x, y});
            return this;
        }

        /** Ends the part, reversing it when it runs the wrong way. */
        Shape close() {
            if (clockwise(part) == partIsHole) {
                part = reversed(part);
            }
            double[] start = part.get(0);
            d.append("M").append(num(start[0])).append(',').append(num(start[1]));
            for (int i = 1; i < part.size(); i++) {
                double[] s = part.get(i);
                if (s.length == 2) {
                    d.append(" L").append(num(s[0])).append(',').append(num(s[1]));
                } else {
                    d.append(" C").append(num(s[0])).append(',').append(num(s[1])).append(' ')
                            .append(num(s[2])).append(',').append(num(s[3])).append(' ')
                            .append(num(s[4])).append(',').append(num(s[5]));
                }
            }
            d.append(" Z ");
            part = null;
            return this;
        }

        /** Shoelace over the anchor and control points: positive means clockwise on a y-down screen. */
        private static boolean clockwise(List<double[]> p) {
            List<double[]> pts = new ArrayList<>();
            for (double[] s : p) {
                for (int i = 0; i < s.length; i += 2) {
                    pts.add(new double[]{s[i], s[i + 1]});
                }
            }
            double area = 0;
            for (int i = 0; i < pts.size(); i++) {
                double[] a = pts.get(i), b = pts.get((i + 1) % pts.size());
                area += a[0] * b[1] - b[0] * a[1];
            }
            return area > 0;
        }

        private static List<double[]> reversed(List<double[]> p) {
            List<double[]> out = new ArrayList<>();
            double[] last = p.get(p.size() - 1);
            out.add(new double[]{last[last.length - 2], last[last.length - 1]});
            for (int i = p.size() - 1; i >= 1; i--) {
                double[] seg = p.get(i);
                double[] prev = p.get(i - 1);
                double px = prev[prev.length - 2], py = prev[prev.length - 1];
                if (seg.length == 2) {
                    out.add(new double[]{px, py});
                } else {
                    out.add(new double[]{seg[2], seg[3], seg[0], seg[1], px, py});
                }
            }
            return out;
        }

        Shape poly(boolean hole, double... xy) {
            path(hole, xy[0], xy[1]);
            for (int i = 2; i < xy.length; i += 2) {
                line(xy[i], xy[i + 1]);
            }
            return close();
        }

        Shape rect(double x, double y, double w, double h, boolean hole) {
            return poly(hole, x, y, x + w, y, x + w, y + h, x, y + h);
        }

        Shape roundRect(double x, double y, double w, double h, double r, boolean hole) {
            double k = 0.5523 * r;
            return path(hole, x + r, y).line(x + w - r, y).cubic(x + w - r + k, y, x + w, y + r - k, x + w, y + r)
                    .line(x + w, y + h - r).cubic(x + w, y + h - r + k, x + w - r + k, y + h, x + w - r, y + h)
                    .line(x + r, y + h).cubic(x + r - k, y + h, x, y + h - r + k, x, y + h - r)
                    .line(x, y + r).cubic(x, y + r - k, x + r - k, y, x + r, y).close();
        }

        Shape ellipse(double cx, double cy, double rx, double ry, boolean hole) {
            double kx = 0.5523 * rx, ky = 0.5523 * ry;
            return path(hole, cx + rx, cy).cubic(cx + rx, cy + ky, cx + kx, cy + ry, cx, cy + ry)
                    .cubic(cx - kx, cy + ry, cx - rx, cy + ky, cx - rx, cy)
                    .cubic(cx - rx, cy - ky, cx - kx, cy - ry, cx, cy - ry)
                    .cubic(cx + kx, cy - ry, cx + rx, cy - ky, cx + rx, cy).close();
        }

        Shape circle(double cx, double cy, double r, boolean hole) {
            return ellipse(cx, cy, r, r, hole);
        }

        /** Shoulders and body of a person: centred on cx, top at y, half width hw, down to bottom. */
        Shape person(double cx, double top, double hw, double bottom) {
            double shoulder = Math.min(bottom, top + hw * 0.7);
            return path(false, cx - hw, bottom).line(cx - hw, shoulder)
                    .cubic(cx - hw, top + hw * 0.15, cx - hw * 0.5, top, cx, top)
                    .cubic(cx + hw * 0.5, top, cx + hw, top + hw * 0.15, cx + hw, shoulder)
                    .line(cx + hw, bottom).close();
        }

        /** A polyline of the given width, as a filled outline (mitred joints). */
        Shape thick(double width, double... xy) {
            int n = xy.length / 2;
            double[][] left = new double[n][], right = new double[n][];
            for (int i = 0; i < n; i++) {
                double nx = 0, ny = 0;
                if (i > 0) {
                    double[] u = unitNormal(xy[2 * i - 2], xy[2 * i - 1], xy[2 * i], xy[2 * i + 1]);
                    nx += u[0];
                    ny += u[1];
                }
                if (i < n - 1) {
                    double[] u = unitNormal(xy[2 * i], xy[2 * i + 1], xy[2 * i + 2], xy[2 * i + 3]);
                    nx += u[0];
                    ny += u[1];
                }
                double len = Math.hypot(nx, ny);
                // at a joint the offset is the half width over the cosine of half the turn (len / 2), capped at sharp turns
                double cos = (i > 0 && i < n - 1) ? Math.max(0.5, len / 2) : 1;
                double scale = width / 2 / cos / len;
                left[i] = new double[]{xy[2 * i] + nx * scale, xy[2 * i + 1] + ny * scale};
                right[i] = new double[]{xy[2 * i] - nx * scale, xy[2 * i + 1] - ny * scale};
            }
            path(false, left[0][0], left[0][1]);
            for (int i = 1; i < n; i++) {
                line(left[i][0], left[i][1]);
            }
            for (int i = n - 1; i >= 0; i--) {
                line(right[i][0], right[i][1]);
            }
            return close();
        }

        private static double[] unitNormal(double x1, double y1, double x2, double y2) {
            double dx = x2 - x1, dy = y2 - y1, l = Math.hypot(dx, dy);
            return new double[]{-dy / l, dx / l};
        }

        /** A sword from tip (x1,y1) to pommel (x2,y2): blade, cross-guard and grip. */
        Shape sword(double x1, double y1, double x2, double y2) {
            double dx = x2 - x1, dy = y2 - y1, l = Math.hypot(dx, dy);
            double ux = dx / l, uy = dy / l, nx = -uy, ny = ux;
            double guard = l * 0.74;
            double bw = 1.1;
            // blade: a point at the tip, straight edges to the guard
            poly(false, x1, y1,
                    x1 + ux * 2.2 + nx * bw, y1 + uy * 2.2 + ny * bw,
                    x1 + ux * guard + nx * bw, y1 + uy * guard + ny * bw,
                    x1 + ux * guard - nx * bw, y1 + uy * guard - ny * bw,
                    x1 + ux * 2.2 - nx * bw, y1 + uy * 2.2 - ny * bw);
            double gx = x1 + ux * guard, gy = y1 + uy * guard;
            poly(false, gx + nx * 3.6 - ux * 0.7, gy + ny * 3.6 - uy * 0.7, gx + nx * 3.6 + ux * 0.9, gy + ny * 3.6 + uy * 0.9,
                    gx - nx * 3.6 + ux * 0.9, gy - ny * 3.6 + uy * 0.9, gx - nx * 3.6 - ux * 0.7, gy - ny * 3.6 - uy * 0.7);
            thick(1.6, gx + ux * 0.8, gy + uy * 0.8, x2 - ux * 1.2, y2 - uy * 1.2);
            return circle(x2 - ux * 0.8, y2 - uy * 0.8, 1.3, false);
        }

        /** The hook of a question mark: an arc over the top, then down the middle. */
        Shape questionHook() {
            List<Double> pts = new ArrayList<>();
            double cx = 12, cy = 7.8, r = 4.6;
            for (int deg = 190; deg >= -50; deg -= 12) {
                double a = Math.toRadians(deg);
                pts.add(cx + r * Math.cos(a));
                pts.add(cy - r * Math.sin(a));
            }
            pts.add(12.0);
            pts.add(13.2);
            pts.add(12.0);
            pts.add(16.2);
            double[] xy = new double[pts.size()];
            for (int i = 0; i < xy.length; i++) {
                xy[i] = pts.get(i);
            }
            return thick(2.6, xy);
        }

        private static String num(double v) {
            return number(v);
        }
    }
}
