package org.compactreview.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.compactreview.process.AnnualReviewModel;
import org.compactreview.process.CapacityBuildingModel;
import org.compactreview.process.ConferenceModel;
import org.compactreview.process.ParticipantReviewModel;

/**
 * Which process each user task belongs to, read from the models' ids. A work item keeps its task
 * key, not its process; every user task id names one step of one process, so the process filter of
 * the workload view is a set of task keys and needs no column of its own. (The reports' and
 * validations' tasks of cycles still on the earlier multi-instance version of the annual review
 * have the same ids and count as the participant review's.)
 */
public final class TaskProcesses {

    private static final Map<String, List<String>> TASKS_BY_PROCESS = new LinkedHashMap<>();

    static {
        TASKS_BY_PROCESS.put(
                ParticipantReviewModel.PROCESS_KEY,
                List.of(
                        ParticipantReviewModel.TASK_SUBMIT_REPORT,
                        ParticipantReviewModel.TASK_VALIDATE_REPORT,
                        ParticipantReviewModel.TASK_FOLLOW_UP_OVERDUE_REPORT));
        TASKS_BY_PROCESS.put(
                AnnualReviewModel.PROCESS_KEY,
                List.of(AnnualReviewModel.TASK_PREPARE_ANNUAL_MEETING, AnnualReviewModel.TASK_RECORD_MEETING_OUTCOMES));
        TASKS_BY_PROCESS.put(
                ConferenceModel.PROCESS_KEY,
                List.of(
                        ConferenceModel.TASK_COMPILE_PROGRESS_REPORT,
                        ConferenceModel.TASK_CONSULT_STAKEHOLDERS,
                        ConferenceModel.TASK_NEGOTIATE_DECLARATION,
                        ConferenceModel.TASK_ADOPT_DECLARATION));
        TASKS_BY_PROCESS.put(
                CapacityBuildingModel.PROCESS_KEY,
                List.of(
                        CapacityBuildingModel.TASK_ASSESS_REQUEST,
                        CapacityBuildingModel.TASK_AGREE_SUPPORT_PLAN,
                        CapacityBuildingModel.TASK_REPORT_PROGRESS,
                        CapacityBuildingModel.TASK_FOLLOW_UP_MISSED_UPDATE,
                        CapacityBuildingModel.TASK_EVALUATE_OUTCOME));
    }

    private TaskProcesses() {}

    /** The process keys, in the order the filter offers them. */
    public static Set<String> processes() {
        return TASKS_BY_PROCESS.keySet();
    }

    /** Every user task key, grouped by process in the order of {@link #processes()}. */
    public static List<String> taskKeys() {
        return TASKS_BY_PROCESS.values().stream().flatMap(List::stream).toList();
    }

    /** The user task keys of a process; empty for an unknown process. */
    public static Optional<List<String>> taskKeysOf(String process) {
        return Optional.ofNullable(TASKS_BY_PROCESS.get(process));
    }
}
