package org.mapwork.bench.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ViewScriptTest {

    private final List<ViewScript.View> views = ViewScript.standard(1280, 800, 23_000, 14_000);

    @Test
    void a_few_hundred_frames_reaching_both_zoom_limits_and_every_band() {
        assertTrue(views.size() >= 300 && views.size() <= 500, "frames: " + views.size());
        assertEquals(ViewScript.MIN_SCALE, views.stream().mapToDouble(ViewScript.View::scale).min().orElseThrow(), 1e-9);
        assertEquals(ViewScript.MAX_SCALE, views.stream().mapToDouble(ViewScript.View::scale).max().orElseThrow(), 1e-9);
        for (String band : List.of("far", "mid", "close")) {
            for (String kind : List.of("pan", "zoom")) {
                assertTrue(views.stream().anyMatch(v -> v.band().equals(band) && v.kind().equals(kind)), band + " " + kind);
            }
        }
    }

    @Test
    void zoom_steps_are_ten_percent_and_pans_keep_the_scale() {
        for (int i = 1; i < views.size(); i++) {
            ViewScript.View a = views.get(i - 1), b = views.get(i);
            double ratio = b.scale() / a.scale();
            if (b.kind().equals("pan")) {
                assertEquals(1.0, ratio, 1e-12);
            } else {
                assertTrue(ratio <= ViewScript.ZOOM_STEP + 1e-9 && ratio >= 1 / ViewScript.ZOOM_STEP - 1e-9, "step " + i + ": " + ratio);
            }
        }
    }

    @Test
    void the_view_centre_stays_on_the_map() {
        for (ViewScript.View v : views) {
            double cx = v.originX() + 640 / v.scale(), cy = v.originY() + 400 / v.scale();
            assertTrue(cx >= 0 && cx <= 23_000 && cy >= 0 && cy <= 14_000, "frame " + v.index() + " looks at " + cx + "," + cy);
        }
    }
}
