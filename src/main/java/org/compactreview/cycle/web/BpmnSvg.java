package org.compactreview.cycle.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;

/**
 * Draws a deployed BPMN model as SVG from its diagram interchange (each shape at its bounds, each
 * sequence flow along its waypoints), with the number of participants at each user task. No
 * script and no style attributes (the pages' CSP allows only the app's own stylesheet): the look
 * comes from classes in {@code app.css}. Every name from the model is XML-escaped; a user task
 * with participants is a link to the list of them.
 */
final class BpmnSvg {

    private static final int MARGIN = 20;
    private static final int LINE_LENGTH = 18;

    private final String id;
    private final Function<FlowElement, String> label;
    private final Map<String, Integer> counts;
    private final Function<String, String> link;

    /**
     * @param id unique in the page (the arrow marker is named after it)
     * @param label the text of an element (a translated name, or the model's)
     * @param counts participants at each user task, by task key
     * @param link the page listing the participants at a task key
     */
    BpmnSvg(
            String id,
            Function<FlowElement, String> label,
            Map<String, Integer> counts,
            Function<String, String> link) {
        this.id = id;
        this.label = label;
        this.counts = counts;
        this.link = link;
    }

    String render(BpmnModelInstance model, String title) {
        Collection<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class);
        Collection<BpmnEdge> edges = model.getModelElementsByType(BpmnEdge.class);
        double[] box = extent(shapes, edges);
        StringBuilder svg = new StringBuilder(8192);
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bpmn-diagram\" role=\"group\""
                        + " aria-labelledby=\"%s-title\" viewBox=\"%s %s %s %s\" width=\"%s\" height=\"%s\">",
                id,
                num(box[0]),
                num(box[1]),
                num(box[2] - box[0]),
                num(box[3] - box[1]),
                num(box[2] - box[0]),
                num(box[3] - box[1])));
        svg.append("<title id=\"")
                .append(id)
                .append("-title\">")
                .append(escape(title))
                .append("</title>");
        svg.append("<defs><marker id=\"")
                .append(id)
                .append("-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\""
                        + " orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"bpmn-arrow\"/>"
                        + "</marker></defs>");
        // Expanded subprocesses first, so that what they contain is drawn above them.
        shapes.stream().filter(s -> s.getBpmnElement() instanceof SubProcess).forEach(s -> shape(svg, s));
        edges.forEach(e -> edge(svg, e));
        shapes.stream().filter(s -> !(s.getBpmnElement() instanceof SubProcess)).forEach(s -> shape(svg, s));
        return svg.append("</svg>").toString();
    }

    private void edge(StringBuilder svg, BpmnEdge edge) {
        List<String> points = new ArrayList<>();
        for (Waypoint point : edge.getWaypoints()) {
            points.add(num(point.getX()) + "," + num(point.getY()));
        }
        if (points.size() < 2) {
            return;
        }
        String element =
                edge.getBpmnElement() == null ? "" : edge.getBpmnElement().getId();
        svg.append("<polyline class=\"bpmn-flow\" data-element=\"")
                .append(escape(element))
                .append("\" points=\"")
                .append(String.join(" ", points))
                .append("\" marker-end=\"url(#")
                .append(id)
                .append("-arrow)\"/>");
    }

    private void shape(StringBuilder svg, BpmnShape shape) {
        BaseElement element = shape.getBpmnElement();
        Bounds b = shape.getBounds();
        if (!(element instanceof FlowElement flowElement) || b == null) {
            return;
        }
        double x = b.getX(), y = b.getY(), w = b.getWidth(), h = b.getHeight();
        int count = counts.getOrDefault(element.getId(), 0);
        boolean counted = element instanceof UserTask;
        String text = label.apply(flowElement);
        if (counted && count > 0) {
            svg.append("<a href=\"").append(escape(link.apply(element.getId()))).append("\">");
        }
        svg.append("<g class=\"")
                .append(kind(element))
                .append(counted && count > 0 ? " bpmn-occupied" : "")
                .append("\" data-element=\"")
                .append(escape(element.getId()))
                .append("\">");
        svg.append("<title>").append(escape(text));
        if (counted) {
            svg.append(": ").append(count);
        }
        svg.append("</title>");
        if (element instanceof Event) {
            double r = Math.min(w, h) / 2;
            svg.append(String.format(
                    Locale.ROOT, "<circle cx=\"%s\" cy=\"%s\" r=\"%s\"/>", num(x + w / 2), num(y + h / 2), num(r)));
            outsideLabel(svg, shape, text, x + w / 2, y + h + 14);
        } else if (element instanceof Gateway) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<polygon points=\"%s,%s %s,%s %s,%s %s,%s\"/>",
                    num(x + w / 2),
                    num(y),
                    num(x + w),
                    num(y + h / 2),
                    num(x + w / 2),
                    num(y + h),
                    num(x),
                    num(y + h / 2)));
            outsideLabel(svg, shape, text, x + w / 2, y - 8);
        } else if (element instanceof Activity) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" rx=\"10\"/>",
                    num(x),
                    num(y),
                    num(w),
                    num(h)));
            if (element instanceof SubProcess) {
                lines(svg, text, x + w / 2, y + 16);
            } else {
                List<String> lines = wrap(text);
                lines(svg, text, x + w / 2, y + h / 2 - (lines.size() - 1) * 7.0 + 4);
            }
            if (counted) {
                svg.append(String.format(
                        Locale.ROOT,
                        "<circle class=\"bpmn-count\" cx=\"%s\" cy=\"%s\" r=\"13\"/>"
                                + "<text class=\"bpmn-count-text\" x=\"%s\" y=\"%s\">%d</text>",
                        num(x + w),
                        num(y),
                        num(x + w),
                        num(y + 4),
                        count));
            }
        }
        svg.append("</g>");
        if (counted && count > 0) {
            svg.append("</a>");
        }
    }

    /** Events and gateways carry their name outside the shape: at the DI label's bounds if any. */
    private void outsideLabel(StringBuilder svg, BpmnShape shape, String text, double x, double y) {
        if (shape.getBpmnLabel() != null && shape.getBpmnLabel().getBounds() != null) {
            Bounds l = shape.getBpmnLabel().getBounds();
            x = l.getX() + l.getWidth() / 2;
            y = l.getY() + 10;
        }
        lines(svg, text, x, y);
    }

    private static void lines(StringBuilder svg, String text, double x, double y) {
        if (text.isBlank()) {
            return;
        }
        svg.append(String.format(Locale.ROOT, "<text class=\"bpmn-label\" x=\"%s\" y=\"%s\">", num(x), num(y)));
        List<String> lines = wrap(text);
        for (int i = 0; i < lines.size(); i++) {
            svg.append(String.format(Locale.ROOT, "<tspan x=\"%s\" dy=\"%s\">", num(x), i == 0 ? "0" : "14"))
                    .append(escape(lines.get(i)))
                    .append("</tspan>");
        }
        svg.append("</text>");
    }

    /** Words in lines of about {@value #LINE_LENGTH} characters, at most four lines. */
    static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > LINE_LENGTH) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        if (lines.size() > 4) {
            List<String> kept = new ArrayList<>(lines.subList(0, 4));
            kept.set(3, kept.get(3) + "…");
            return kept;
        }
        return lines;
    }

    private static String kind(BaseElement element) {
        if (element instanceof UserTask) {
            return "bpmn-user-task";
        }
        if (element instanceof SubProcess) {
            return "bpmn-subprocess";
        }
        if (element instanceof EndEvent) {
            return "bpmn-event bpmn-end-event";
        }
        if (element instanceof Event) {
            return "bpmn-event";
        }
        if (element instanceof Gateway) {
            return "bpmn-gateway";
        }
        return "bpmn-task";
    }

    private static double[] extent(Collection<BpmnShape> shapes, Collection<BpmnEdge> edges) {
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (BpmnShape shape : shapes) {
            for (Bounds b : shape.getBpmnLabel() != null && shape.getBpmnLabel().getBounds() != null
                    ? List.of(shape.getBounds(), shape.getBpmnLabel().getBounds())
                    : List.of(shape.getBounds())) {
                minX = Math.min(minX, b.getX());
                minY = Math.min(minY, b.getY());
                maxX = Math.max(maxX, b.getX() + b.getWidth());
                maxY = Math.max(maxY, b.getY() + b.getHeight());
            }
        }
        for (BpmnEdge edge : edges) {
            for (Waypoint p : edge.getWaypoints()) {
                minX = Math.min(minX, p.getX());
                minY = Math.min(minY, p.getY());
                maxX = Math.max(maxX, p.getX());
                maxY = Math.max(maxY, p.getY());
            }
        }
        if (minX == Double.MAX_VALUE) {
            return new double[] {0, 0, 100, 100};
        }
        // Room for the labels outside events and gateways and the counts on the tasks' corners.
        return new double[] {minX - MARGIN - 40, minY - MARGIN - 20, maxX + MARGIN + 40, maxY + MARGIN + 40};
    }

    private static String num(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\t' && c != '\n' ? ' ' : c);
            }
        }
        return out.toString();
    }
}
