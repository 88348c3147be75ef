package org.mapwork.editor.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mapwork.model.MapDocument;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class SnapshotWorkerTest {

    @Start
    void start(Stage stage) {
        // the JavaFX thread is all these tests need
    }

    private static MapDocument map(String title) {
        return MapDocument.empty("m", title, "net-map", Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void onlyTheLatestSnapshotsResultArrivesWhenSeveralAreAskedForWhileOneRuns() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> worked = new CopyOnWriteArrayList<>();
        List<String> delivered = new CopyOnWriteArrayList<>();
        SnapshotWorker<String> worker = new SnapshotWorker<>("test-worker", doc -> {
            worked.add(doc.title());
            try {
                // the first snapshot's work runs long: three more are asked for meanwhile
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return doc.title();
        }, delivered::add);
        try {
            WaitForAsyncUtils.asyncFx(() -> worker.submit(map("first"))).get();
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> worked.size() == 1);
            WaitForAsyncUtils.asyncFx(() -> {
                worker.submit(map("second"));
                worker.submit(map("third"));
                worker.submit(map("latest"));
            }).get();
            assertTrue(worker.busy());
            release.countDown();
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !worker.busy());
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(List.of("first", "latest"), worked, "the snapshots in between were skipped");
            assertEquals(List.of("latest"), delivered, "the first result came after newer snapshots were asked for");
            assertFalse(worker.busy());
        } finally {
            worker.close();
        }
    }

    @Test
    void aFailingWorkKeepsTheLastResultAndIsNoLongerBusy() throws Exception {
        List<String> delivered = new CopyOnWriteArrayList<>();
        SnapshotWorker<String> worker = new SnapshotWorker<>("test-worker", doc -> {
            if (doc.title().equals("bad")) {
                throw new IllegalStateException("cannot work this one out");
            }
            return doc.title();
        }, delivered::add);
        try {
            WaitForAsyncUtils.asyncFx(() -> worker.submit(map("good"))).get();
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !worker.busy());
            WaitForAsyncUtils.asyncFx(() -> worker.submit(map("bad"))).get();
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !worker.busy());
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(List.of("good"), delivered);
        } finally {
            worker.close();
        }
    }
}
