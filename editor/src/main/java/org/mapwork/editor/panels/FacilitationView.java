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

    public FacilitationView(FacilitationViewModel vm) {
        super(8);
        this.vm = vm;
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
            }
            refresh();
        }));
        clock.setCycleCount(Timeline.INDEFINITE);
        getChildren().addAll(new Label(Ui.text("panels.facilitation.steps")), steps, question, whatToAdd, new HBox(8, countdown, timer),
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

    private void refresh() {
        var step = vm.current();
        if (step == null) {
            question.setText(Ui.text("panels.facilitation.no-steps"));
            return;
        }
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
