package org.compactreview.cycle.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.junit.jupiter.api.Test;

class BpmnSvgTest {

    /** Start, a user task whose name tries markup, a gateway, a second user task nobody is at, end. */
    private static final BpmnModelInstance MODEL = Bpmn.createExecutableProcess("small")
            .startEvent("Start")
            .name("Begin")
            .userTask("Task_Write")
            .name("Write <script>alert(1)</script> & \"quote\"")
            .exclusiveGateway("Gateway_Done")
            .userTask("Task_Check")
            .name("Check")
            .endEvent("End")
            .done();

    private static String render(Map<String, Integer> counts) {
        return new BpmnSvg("d", FlowElement::getName, counts, key -> "/cycles/7/process/" + key)
                .render(MODEL, "Small <model>");
    }

    @Test
    void drawsEveryShapeAtItsDiagramBoundsAndEveryFlowAlongItsWaypoints() {
        String svg = render(Map.of());
        for (BpmnShape shape : MODEL.getModelElementsByType(BpmnShape.class)) {
            Bounds b = shape.getBounds();
            String id = shape.getBpmnElement().getId();
            assertThat(svg).contains("data-element=\"" + id + "\"");
            if (id.startsWith("Task_")) {
                assertThat(svg)
                        .contains("<rect x=\"" + n(b.getX()) + "\" y=\"" + n(b.getY()) + "\" width=\"" + n(b.getWidth())
                                + "\" height=\"" + n(b.getHeight()) + "\"");
            } else if (id.startsWith("Gateway_")) {
                assertThat(svg).contains("<polygon points=\"" + n(b.getX() + b.getWidth() / 2) + "," + n(b.getY()));
            } else {
                assertThat(svg)
                        .contains("<circle cx=\"" + n(b.getX() + b.getWidth() / 2) + "\" cy=\""
                                + n(b.getY() + b.getHeight() / 2) + "\"");
            }
        }
        for (BpmnEdge edge : MODEL.getModelElementsByType(BpmnEdge.class)) {
            StringBuilder points = new StringBuilder();
            for (Waypoint p : edge.getWaypoints()) {
                points.append(points.length() == 0 ? "" : " ")
                        .append(n(p.getX()))
                        .append(',')
                        .append(n(p.getY()));
            }
            assertThat(svg).contains("points=\"" + points + "\"");
        }
        assertThat(MODEL.getModelElementsByType(BpmnEdge.class)).hasSize(4);
        assertThat(svg).startsWith("<svg ").endsWith("</svg>").doesNotContain("style=");
    }

    @Test
    void showsTheCountOnEachUserTaskAndLinksOnlyTheOccupiedOnes() {
        String svg = render(Map.of("Task_Write", 3));
        assertThat(svg)
                .contains("<a href=\"/cycles/7/process/Task_Write\"><g class=\"bpmn-user-task bpmn-occupied\"")
                .contains(">3</text>")
                .contains(">0</text>")
                .doesNotContain("/cycles/7/process/Task_Check")
                .doesNotContain("/cycles/7/process/Gateway_Done");
    }

    @Test
    void escapesTheNamesFromTheModel() {
        String svg = render(Map.of());
        assertThat(svg)
                .doesNotContain("<script")
                .doesNotContain("<model>")
                .contains("&lt;script&gt;")
                .contains("&amp;")
                .contains("&quot;quote&quot;")
                .contains("Small &lt;model&gt;");
    }

    @Test
    void wrapsLongNamesIntoShortLines() {
        assertThat(BpmnSvg.wrap("Follow up overdue report")).containsExactly("Follow up overdue", "report");
    }

    private static String n(double value) {
        return value == Math.rint(value)
                ? Long.toString((long) value)
                : String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
