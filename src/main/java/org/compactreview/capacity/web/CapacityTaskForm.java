package org.compactreview.capacity.web;

import java.util.Set;
import org.compactreview.process.CapacityBuildingModel;
import org.compactreview.task.TaskForm;
import org.compactreview.task.WorkItem;
import org.springframework.stereotype.Component;

/** Every step of a capacity-building request is done on the request's page. */
@Component
class CapacityTaskForm implements TaskForm {

    static final Set<String> KEYS = Set.of(
            CapacityBuildingModel.TASK_ASSESS_REQUEST,
            CapacityBuildingModel.TASK_AGREE_SUPPORT_PLAN,
            CapacityBuildingModel.TASK_REPORT_PROGRESS,
            CapacityBuildingModel.TASK_EVALUATE_OUTCOME);

    @Override
    public Set<String> taskKeys() {
        return KEYS;
    }

    @Override
    public String path(WorkItem task) {
        return "/capacity/" + task.capacityRequestId();
    }
}
