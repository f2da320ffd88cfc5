package org.compactreview.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every model in bpmn/ can be drawn (a shape per node, an edge per flow) and keeps our rules. */
class BpmnDiagramTest {

    static Stream<Path> models() throws Exception {
        return Files.list(Path.of("bpmn"))
                .filter(p -> p.toString().endsWith(".bpmn"))
                .sorted();
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyNodeHasAShapeAndEveryFlowAnEdge(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                .map(s -> s.getBpmnElement().getId())
                .collect(Collectors.toSet());
        Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                .map(e -> e.getBpmnElement().getId())
                .collect(Collectors.toSet());
        List<String> nodes = model.getModelElementsByType(FlowNode.class).stream()
                .map(FlowNode::getId)
                .toList();
        List<String> flows = model.getModelElementsByType(SequenceFlow.class).stream()
                .map(SequenceFlow::getId)
                .toList();
        assertThat(nodes).isNotEmpty();
        assertThat(shapes).containsAll(nodes);
        assertThat(edges).containsAll(flows);
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyProcessSetsHistoryTimeToLiveAndHasNoScripts(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(new File(file.toString()));
        model.getModelElementsByType(Process.class)
                .forEach(process -> assertThat(process.getCamundaHistoryTimeToLiveString())
                        .as(process.getId())
                        .isNotBlank());
        assertThat(model.getModelElementsByType(ScriptTask.class)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("models")
    void idsMirroredInJavaExistInTheModel(Path file) throws Exception {
        Class<?> ids =
                switch (file.getFileName().toString()) {
                    case "annual-review.bpmn" -> AnnualReviewModel.class;
                    case "participant-review.bpmn" -> ParticipantReviewModel.class;
                    default -> null;
                };
        if (ids == null) {
            return;
        }
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (var field : ids.getFields()) {
            if (!(field.get(null) instanceof String)) {
                continue;
            }
            String value = (String) field.get(null);
            if (field.getName().startsWith("TASK_")
                    || field.getName().startsWith("TIMER_")
                    || field.getName().startsWith("END_")
                    || field.getName().startsWith("START_")
                    || field.getName().startsWith("GATEWAY_")
                    || field.getName().startsWith("EVENT_")) {
                assertThat((Object) model.getModelElementById(value))
                        .as(field.getName())
                        .isNotNull();
            }
        }
        assertThat((Object) model.getModelElementById(
                        (String) ids.getField("PROCESS_KEY").get(null)))
                .isNotNull();
    }
}
