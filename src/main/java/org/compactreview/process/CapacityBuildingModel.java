package org.compactreview.process;

/** Ids of {@code bpmn/capacity-building.bpmn}. */
public final class CapacityBuildingModel {

    public static final String PROCESS_KEY = "capacityBuilding";

    public static final String START_SUPPORT_REQUESTED = "StartEvent_SupportRequested";
    public static final String TASK_ASSESS_REQUEST = "Task_AssessRequest";
    public static final String GATEWAY_ASSESSMENT = "Gateway_Assessment";
    public static final String END_REQUEST_MERGED = "EndEvent_RequestMerged";
    public static final String END_REQUEST_DECLINED = "EndEvent_RequestDeclined";
    public static final String TASK_AGREE_SUPPORT_PLAN = "Task_AgreeSupportPlan";
    public static final String TIMER_NEXT_UPDATE_DUE = "Timer_NextUpdateDue";
    public static final String GATEWAY_PLAN_ENDED = "Gateway_PlanEnded";
    public static final String TASK_REPORT_PROGRESS = "Task_ReportProgress";
    public static final String TIMER_UPDATE_MISSED = "Timer_UpdateMissed";
    public static final String TASK_FOLLOW_UP_MISSED_UPDATE = "Task_FollowUpMissedUpdate";
    public static final String TASK_EVALUATE_OUTCOME = "Task_EvaluateOutcome";
    public static final String END_REQUEST_EVALUATED = "EndEvent_RequestEvaluated";

    /** Variables: ids, routing and the two ISO-8601 durations of the update loop. */
    public static final String VAR_REQUEST_ID = "requestId";

    public static final String VAR_ASSESSMENT = "assessment";
    public static final String VAR_REVIEW_INTERVAL = "reviewInterval";
    public static final String VAR_UPDATE_GRACE_PERIOD = "updateGracePeriod";

    private CapacityBuildingModel() {}
}
