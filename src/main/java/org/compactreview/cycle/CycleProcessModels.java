package org.compactreview.cycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.compactreview.process.ParticipantReviewModel;
import org.springframework.stereotype.Service;

/**
 * The deployed models a cycle runs on, in the version it runs on: its participants' review (the
 * definition of its first review; a cycle opened on the earlier version, whose reviews are branches
 * of the cycle's own instance, has none) and the cycle's own process. Read from the engine's
 * history and its deployment cache, so a cycle that is long closed still shows its own version.
 */
@Service
public class CycleProcessModels {

    /** One deployed model: its key, version and the model with its diagram. */
    public record DeployedModel(String key, int version, BpmnModelInstance model) {}

    private final CycleService cycles;
    private final HistoryService history;
    private final RepositoryService repository;

    CycleProcessModels(CycleService cycles, HistoryService history, RepositoryService repository) {
        this.cycles = cycles;
        this.history = history;
        this.repository = repository;
    }

    /** The participants' review model first (if the cycle has reviews of their own), then the cycle's. */
    public List<DeployedModel> of(long cycleId) {
        ReviewCycle cycle = cycles.get(cycleId);
        List<DeployedModel> models = new ArrayList<>();
        history
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(ParticipantReviewModel.PROCESS_KEY)
                .processInstanceBusinessKeyLike(ParticipantReviewModel.businessKeyPrefix(cycleId) + "%")
                .orderByProcessInstanceStartTime()
                .asc()
                .listPage(0, 1)
                .stream()
                .findFirst()
                .map(HistoricProcessInstance::getProcessDefinitionId)
                .flatMap(this::model)
                .ifPresent(models::add);
        if (cycle.processInstanceId() != null) {
            Optional.ofNullable(history.createHistoricProcessInstanceQuery()
                            .processInstanceId(cycle.processInstanceId())
                            .singleResult())
                    .map(HistoricProcessInstance::getProcessDefinitionId)
                    .flatMap(this::model)
                    .ifPresent(models::add);
        }
        return models;
    }

    private Optional<DeployedModel> model(String definitionId) {
        ProcessDefinition definition = repository.getProcessDefinition(definitionId);
        return Optional.of(new DeployedModel(
                definition.getKey(), definition.getVersion(), repository.getBpmnModelInstance(definitionId)));
    }
}
