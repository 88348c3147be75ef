package org.mapwork.editor.view;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;

import org.mapwork.editor.i18n.Ui;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.templates.LegendEntry;
import org.mapwork.templates.Pictograms;

/** The legend of the types, link types and pictograms used in the map, as the method's presentation lists them. */
public final class LegendView extends VBox {

    private final MapViewModel vm;

    public LegendView(MapViewModel vm) {
        super(3);
        this.vm = vm;
        setId("legend");
        setPadding(new Insets(6));
        vm.addListener(a -> {
            if (a == MapViewModel.Aspect.DOCUMENT) {
                refresh();
            }
        });
        refresh();
    }

    private void refresh() {
        getChildren().clear();
        var entries = vm.template().map(t -> t.presentation().legend(vm.document())).orElse(java.util.List.of());
        for (LegendEntry e : entries) {
            HBox row = new HBox(6);
            row.setAlignment(Pos.CENTER_LEFT);
            // a line names every type that shares a swatch: it wraps to its whole text rather than ending in "…"
            Label label = new Label(e.label());
            label.setWrapText(true);
            label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            label.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(label, javafx.scene.layout.Priority.ALWAYS);
            row.getChildren().addAll(swatch(e), label);
            getChildren().add(row);
        }
        if (entries.isEmpty()) {
            getChildren().add(new Label(Ui.text("view.legend.empty")));
        }
    }

    private static javafx.scene.Node swatch(LegendEntry e) {
        Color c = colour(e.colour());
        switch (e.kind()) {
            case NODE -> {
                Rectangle r = new Rectangle(22, 14, c);
                r.setStroke(Color.web("#555555"));
                if ("ellipse".equals(e.shape()) || "circle".equals(e.shape())) {
                    r.setArcWidth(22);
                    r.setArcHeight(14);
                } else if ("rounded".equals(e.shape())) {
                    r.setArcWidth(8);
                    r.setArcHeight(8);
                }
                return r;
            }
            case LINK -> {
                Line l = new Line(0, 7, 18, 7);
                l.setStroke(c);
                l.setStrokeWidth(2);
                if ("dashed".equals(e.dash())) {
                    l.getStrokeDashArray().setAll(5.0, 3.0);
                } else if ("dotted".equals(e.dash())) {
                    l.getStrokeDashArray().setAll(1.5, 3.0);
                }
                HBox h = new HBox(l);
                h.setAlignment(Pos.CENTER_LEFT);
                if (e.directed()) {
                    Polygon head = new Polygon(0, 0, 6, 4, 0, 8);
                    head.setFill(c);
                    h.getChildren().add(head);
                }
                return h;
            }
            default -> {
                SVGPath p = new SVGPath();
                p.setContent(e.pictogram() == null ? "" : Pictograms.svgPath(e.pictogram()).orElse(""));
                p.setScaleX(0.7);
                p.setScaleY(0.7);
                return p;
            }
        }
    }

    private static Color colour(String hex) {
        try {
            return hex == null ? Color.GRAY : Color.web(hex);
        } catch (IllegalArgumentException ex) {
            return Color.GRAY;
        }
    }
}
