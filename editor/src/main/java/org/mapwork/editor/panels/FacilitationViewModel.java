package org.mapwork.editor.panels;

import java.text.NumberFormat;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.mapwork.editor.i18n.Ui;
import org.mapwork.templates.FacilitationStep;
import org.mapwork.templates.MethodTemplate;

/**
 * The facilitation panel's state: the method's steps, the current one with its guiding question, and a countdown for
 * its time box. Time advances only through {@link #tick}, so tests need no clock.
 */
public final class FacilitationViewModel {

    private final List<FacilitationStep> steps;
    private int current;
    private Duration remaining;
    private boolean running;

    public FacilitationViewModel(MethodTemplate template, Locale locale) {
        this.steps = template == null ? List.of() : template.steps(locale);
        this.remaining = steps.isEmpty() ? Duration.ZERO : steps.get(0).timeBox();
    }

    public List<FacilitationStep> steps() {
        return steps;
    }

    public int currentIndex() {
        return current;
    }

    public FacilitationStep current() {
        return steps.isEmpty() ? null : steps.get(current);
    }

    public Duration remaining() {
        return remaining;
    }

    public boolean running() {
        return running;
    }

    /** Moves to another step (clamped) and resets its countdown, paused. */
    public void go(int index) {
        if (steps.isEmpty()) {
            return;
        }
        current = Math.max(0, Math.min(steps.size() - 1, index));
        remaining = steps.get(current).timeBox();
        running = false;
    }

    public void next(int by) {
        go(current + by);
    }

    public void toggleTimer() {
        running = !running && !steps.isEmpty();
    }

    /** Counts down while running; stops at zero. Returns true when the time box has just run out. */
    public boolean tick(Duration elapsed) {
        if (!running) {
            return false;
        }
        remaining = remaining.minus(elapsed);
        if (remaining.isNegative() || remaining.isZero()) {
            remaining = Duration.ZERO;
            running = false;
            return true;
        }
        return false;
    }

    /** The countdown as m:ss, in the digits of the editor's language. */
    public String countdown() {
        long s = remaining.toSeconds();
        NumberFormat minutes = NumberFormat.getIntegerInstance(Ui.locale());
        NumberFormat seconds = NumberFormat.getIntegerInstance(Ui.locale());
        seconds.setMinimumIntegerDigits(2);
        return minutes.format(s / 60) + ":" + seconds.format(s % 60);
    }
}
