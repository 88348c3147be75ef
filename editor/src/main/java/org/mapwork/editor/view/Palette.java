package org.mapwork.editor.view;

import java.util.List;
import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.SVGPath;

import org.mapwork.editor.i18n.Ui;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.editor.map.Words;
import org.mapwork.templates.NodeLook;
import org.mapwork.templates.Pictograms;

/**
 * The palette: tools, the method's node types (click to choose, drag onto the canvas to place one), link types
 * (click to choose; with links selected, changes them) and, for methods with stickers, the pictograms.
 */
public final class Palette extends ScrollPane {

    /** The drag-and-drop format of a node type dragged from the palette. */
    public static final DataFormat NODE_TYPE = new DataFormat("application/x-mapwork-node-type");

    private final MapViewModel vm;
    private final Consumer<String> chooseTool;
    private final ToggleGroup tools = new ToggleGroup();
    private final ToggleGroup nodeTypes = new ToggleGroup();
    private final ToggleGroup linkTypes = new ToggleGroup();
    /** One pictogram is the stamp's at a time: only its button looks pressed. */
    private final ToggleGroup pictograms = new ToggleGroup();
    private final VBox box = new VBox(6);

    public Palette(MapViewModel vm, Consumer<String> chooseTool) {
        this.vm = vm;
        this.chooseTool = chooseTool;
        setId("palette");
        box.setPadding(new Insets(6));
        box.setPrefWidth(170);
        setContent(box);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        build();
        vm.addListener(aspect -> {
            if (aspect == MapViewModel.Aspect.PALETTE) {
                syncSelection();
            } else if (aspect == MapViewModel.Aspect.DOCUMENT && linkTypes.getToggles().size() != vm.linkTypeNames().size()) {
                build();
            }
        });
    }

    private void build() {
        box.getChildren().clear();
        Words words = new Words(vm.template().orElse(null), vm.document());
        box.getChildren().add(heading(Ui.text("view.palette.tools")));
        FlowPane toolPane = new FlowPane(4, 4);
        boolean stickers = vm.pictogramNodeType().isPresent();
        // a tool's id ("Select", ...) is what the window is told; its name is in the editor's language
        for (String[] t : List.of(new String[] {"Select", "V"}, new String[] {"Pen", "P"}, new String[] {"Arrow", "W"},
                new String[] {"Text", "T"}, new String[] {"Pictogram", "S"})) {
            if (t[0].equals("Pictogram") && !stickers) {
                continue;
            }
            String name = toolName(t[0]);
            ToggleButton b = new ToggleButton(name);
            b.setId("tool-" + t[0].toLowerCase(java.util.Locale.ROOT));
            b.setUserData(t[0]);
            b.setTooltip(new Tooltip(Ui.text("view.palette.tool.tip", name, t[1])));
            b.setToggleGroup(tools);
            b.setOnAction(e -> chooseTool.accept(t[0]));
            toolPane.getChildren().add(b);
        }
        selectTool("Select");
        box.getChildren().add(toolPane);

        box.getChildren().add(heading(Ui.text("view.palette.nodes")));
        for (String type : vm.nodeTypeNames()) {
            ToggleButton b = new ToggleButton(words.type(type));
            b.setId("node-type-" + type);
            b.setUserData(type);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setToggleGroup(nodeTypes);
            b.setOnAction(e -> vm.setNodeType(type));
            NodeLook look = lookOf(type);
            if (look != null && look.fill() != null) {
                b.setStyle("-fx-border-color: " + look.fill() + "; -fx-border-width: 0 0 0 8;");
            }
            b.setOnDragDetected(e -> {
                var db = b.startDragAndDrop(TransferMode.COPY);
                ClipboardContent c = new ClipboardContent();
                c.put(NODE_TYPE, type);
                db.setContent(c);
                e.consume();
            });
            box.getChildren().add(b);
        }

        box.getChildren().add(heading(Ui.text("view.palette.links")));
        for (String type : vm.linkTypeNames()) {
            ToggleButton b = new ToggleButton(words.type(type));
            b.setId("link-type-" + type);
            b.setUserData(type);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setToggleGroup(linkTypes);
            b.setOnAction(e -> vm.setLinkType(type));
            box.getChildren().add(b);
        }

        if (stickers) {
            box.getChildren().add(heading(Ui.text("view.palette.pictograms")));
            FlowPane pics = new FlowPane(4, 4);
            for (String name : Pictograms.names().stream().sorted().toList()) {
                ToggleButton b = new ToggleButton();
                SVGPath icon = new SVGPath();
                icon.setContent(Pictograms.svgPath(name).orElse(""));
                icon.setFill(Color.web("#333333"));
                b.setGraphic(icon);
                // the pictogram's name in the map's words (the rich picture's symbols)
                String shown = words.option("symbol", name);
                b.setTooltip(new Tooltip(shown));
                b.setAccessibleText(shown);
                b.setId("pictogram-" + name);
                b.setUserData(name);
                b.setToggleGroup(pictograms);
                b.setOnAction(e -> {
                    vm.setPictogram(name);
                    chooseTool.accept("Pictogram");
                });
                pics.getChildren().add(b);
            }
            box.getChildren().add(pics);
        }
        syncSelection();
    }

    /** A tool's name in the editor's language. */
    private static String toolName(String id) {
        return switch (id) {
            case "Pen" -> Ui.text("view.palette.tool.Pen");
            case "Arrow" -> Ui.text("view.palette.tool.Arrow");
            case "Text" -> Ui.text("view.palette.tool.Text");
            case "Pictogram" -> Ui.text("view.palette.tool.Pictogram");
            default -> Ui.text("view.palette.tool.Select");
        };
    }

    private NodeLook lookOf(String type) {
        return vm.template().map(t -> {
            try {
                var probe = org.mapwork.model.Element.node("palette-probe", type, "", org.mapwork.model.Geometry.NONE, "1");
                return t.presentation().nodeLook(vm.document(), probe);
            } catch (RuntimeException e) {
                return null;
            }
        }).orElse(null);
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold; -fx-padding: 6 0 0 0;");
        l.setWrapText(true);
        return l;
    }

    /** Marks the tool in use (called when a key chose it). */
    public void selectTool(String name) {
        tools.getToggles().forEach(t -> t.setSelected(name.equals(t.getUserData())));
    }

    private void syncSelection() {
        nodeTypes.getToggles().forEach(t -> t.setSelected(t.getUserData().equals(vm.nodeType())));
        linkTypes.getToggles().forEach(t -> t.setSelected(t.getUserData().equals(vm.linkType())));
        pictograms.getToggles().forEach(t -> t.setSelected(t.getUserData().equals(vm.pictogram())));
    }
}
