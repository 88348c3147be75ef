package org.mapwork.editor.panels;

import java.time.Duration;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.mapwork.editor.i18n.Ui;

/**
 * The facilitation panel: the method's steps, the current step's guiding question in large type, what to add, and a
 * countdown for the step's time box (F6 next step, F7 start/pause).
 */
public final class FacilitationView extends VBox {

    private final FacilitationViewModel vm;
    private final ListView<String> steps = new ListView<>();
    private final Label question = new Label();
    private final Label whatToAdd = new Label();
    private final Label countdown = new Label();
    private final Button timer = new Button(Ui.text("panels.facilitation.start"));
    private final Timeline clock;
    private final java.util.function.Supplier<java.util.Optional<String>> framing;
    private final Label framingQuestion = new Label();
    /** The step and its countdown for the whole room, shown above the map while the panels are hidden (F11). */
    private final HBox projectorBar = new HBox(24);
    private final Label projectorStep = new Label();
    private final Label projectorQuestion = new Label();
    private final Label projectorCountdown = new Label();

    public FacilitationView(FacilitationViewModel vm) {
        this(vm, java.util.Optional::empty);
    }

    /**
     * @param framing the map's own question (Net-Map's framing question), read anew at each refresh; the guiding
     *                questions are asked about it
     */
    public FacilitationView(FacilitationViewModel vm, java.util.function.Supplier<java.util.Optional<String>> framing) {
        super(8);
        this.vm = vm;
        this.framing = framing;
        framingQuestion.setId("framing-question");
        framingQuestion.setWrapText(true);
        framingQuestion.setStyle("-fx-font-size: 14px; -fx-font-style: italic;");
        projectorBar.setId("projector-bar");
        projectorBar.setPadding(new Insets(8, 16, 8, 16));
        projectorBar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        projectorBar.setStyle("-fx-background-color: #1f2a44;");
        projectorStep.setId("projector-step");
        projectorStep.setStyle("-fx-font-size: 20px; -fx-font-weight: bold; -fx-text-fill: white;");
        projectorStep.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        projectorQuestion.setId("projector-question");
        projectorQuestion.setWrapText(true);
        projectorQuestion.setStyle("-fx-font-size: 20px; -fx-text-fill: white;");
        projectorCountdown.setId("projector-countdown");
        projectorCountdown.setStyle("-fx-font-size: 30px; -fx-font-family: monospace; -fx-text-fill: white;");
        projectorCountdown.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setHgrow(projectorQuestion, javafx.scene.layout.Priority.ALWAYS);
        projectorQuestion.setMaxWidth(Double.MAX_VALUE);
        projectorBar.getChildren().addAll(projectorStep, projectorQuestion, projectorCountdown);
        setId("facilitation");
        setPadding(new Insets(8));
        question.setWrapText(true);
        question.setId("guiding-question");
        question.setStyle("-fx-font-size: 16px; -fx-font-weight: bold;");
        whatToAdd.setWrapText(true);
        countdown.setId("countdown");
        countdown.setStyle("-fx-font-size: 22px; -fx-font-family: monospace;");
        vm.steps().forEach(s -> steps.getItems().add(s.title()));
        steps.setPrefHeight(160);
        steps.setPlaceholder(new Label(Ui.text("panels.facilitation.no-steps")));
        steps.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0 && b.intValue() != vm.currentIndex()) {
                vm.go(b.intValue());
                refresh();
            }
        });
        Button prev = new Button(Ui.text("panels.facilitation.previous"));
        prev.setOnAction(e -> next(-1));
        Button next = new Button(Ui.text("panels.facilitation.next"));
        next.setOnAction(e -> next(+1));
        timer.setOnAction(e -> toggleTimer());
        clock = new javafx.animation.Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> {
            if (vm.tick(Duration.ofSeconds(1))) {
                countdown.setStyle(countdown.getStyle() + "-fx-text-fill: #b3261e;");
                projectorCountdown.setStyle(projectorCountdown.getStyle() + "-fx-text-fill: #ffb4a9;");
            }
            refresh();
        }));
        clock.setCycleCount(Timeline.INDEFINITE);
        getChildren().addAll(new Label(Ui.text("panels.facilitation.steps")), steps, framingQuestion, question, whatToAdd, new HBox(8, countdown, timer),
                new HBox(8, prev, next));
        refresh();
    }

    public void next(int by) {
        vm.next(by);
        refresh();
    }

    public void toggleTimer() {
        vm.toggleTimer();
        if (vm.running()) {
            clock.play();
        } else {
            clock.stop();
        }
        refresh();
    }

    /** The step, its guiding question and the countdown in large type, for projecting (kept up to date). */
    public HBox projectorBar() {
        return projectorBar;
    }

    /** Reads the map's framing question again (after an edit). */
    public void refresh() {
        var step = vm.current();
        var asked = framing.get();
        framingQuestion.setText(asked.orElse(""));
        framingQuestion.setVisible(asked.isPresent());
        framingQuestion.setManaged(asked.isPresent());
        if (step == null) {
            question.setText(Ui.text("panels.facilitation.no-steps"));
            projectorStep.setText("");
            projectorQuestion.setText(asked.orElse(Ui.text("panels.facilitation.no-steps")));
            projectorCountdown.setText("");
            return;
        }
        projectorStep.setText(Ui.text("panels.facilitation.projector-step", vm.currentIndex() + 1, vm.steps().size(),
                step.title()));
        projectorQuestion.setText(asked.map(q -> q + "\n").orElse("") + step.question());
        projectorCountdown.setText(vm.countdown());
        steps.getSelectionModel().select(vm.currentIndex());
        question.setText(step.question());
        whatToAdd.setText(step.whatToAdd());
        countdown.setText(vm.countdown());
        timer.setText(vm.running() ? Ui.text("panels.facilitation.pause") : Ui.text("panels.facilitation.start"));
        if (!vm.running() && vm.remaining().isZero()) {
            timer.setText(Ui.text("panels.facilitation.times-up"));
        }
    }
}
