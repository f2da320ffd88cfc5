package org.compactreview.capacity;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.compactreview.process.AnnualReviewModel;
import org.compactreview.process.CapacityBuildingModel;
import org.compactreview.process.ParticipantReviewModel;
import org.springframework.stereotype.Component;

/** Starts the {@code capacityBuilding} process; the only place that does. */
@Component
class CapacityProcess {

    private final RuntimeService runtime;
    private final CapacityProperties properties;

    CapacityProcess(RuntimeService runtime, CapacityProperties properties) {
        this.runtime = runtime;
        this.properties = properties;
    }

    String start(long requestId, String participantCode, long cycleId) {
        return runtime.startProcessInstanceByKey(
                        CapacityBuildingModel.PROCESS_KEY,
                        "capacity:" + requestId,
                        Map.of(
                                CapacityBuildingModel.VAR_REQUEST_ID, requestId,
                                ParticipantReviewModel.VAR_PARTICIPANT, participantCode,
                                AnnualReviewModel.VAR_CYCLE_ID, cycleId,
                                CapacityBuildingModel.VAR_UPDATE_GRACE_PERIOD, properties.updateGracePeriod()))
                .getId();
    }
}
