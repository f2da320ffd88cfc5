package org.compactreview.process;

/**
 * Ids of {@code bpmn/high-level-conference.bpmn}. Its regional reviews are instances of the same
 * participant review as the annual cycle's reports ({@link ParticipantReviewModel}, review kind
 * {@link ParticipantReviewModel#REVIEW_KIND_REGIONAL}); its front (start the reviews in batches,
 * wait until every review is settled) has the ids of {@link AnnualReviewModel}'s, from
 * {@link AnnualReviewModel#TASK_START_PARTICIPANT_REVIEWS} to
 * {@link AnnualReviewModel#GATEWAY_ALL_REPORTS_SETTLED}.
 */
public final class ConferenceModel {

    public static final String PROCESS_KEY = "highLevelConference";

    public static final String START_CONFERENCE_OPENED = "StartEvent_ConferenceOpened";
    public static final String TASK_COMPILE_PROGRESS_REPORT = "Task_CompileProgressReport";
    public static final String TASK_CONSULT_STAKEHOLDERS = "Task_ConsultStakeholders";
    public static final String GATEWAY_NEXT_ROUND = "Gateway_NextRound";
    public static final String TASK_NEGOTIATE_DECLARATION = "Task_NegotiateDeclaration";
    public static final String GATEWAY_DRAFT_AGREED = "Gateway_DraftAgreed";
    public static final String TASK_ADOPT_DECLARATION = "Task_AdoptDeclaration";
    public static final String END_DECLARATION_ADOPTED = "EndEvent_DeclarationAdopted";

    /** Routing variable of the negotiation loop. */
    public static final String VAR_AGREED = "agreed";

    /**
     * The cadence processes ({@code bpmn/annual-cadence.bpmn}, {@code bpmn/conference-cadence.bpmn}):
     * one timer start event each, as Camunda allows one per process.
     */
    public static final String ANNUAL_CADENCE_KEY = "annualCadence";

    public static final String CONFERENCE_CADENCE_KEY = "conferenceCadence";

    public static final String START_ANNUAL_CADENCE = "StartEvent_AnnualCadence";
    public static final String START_CONFERENCE_CADENCE = "StartEvent_ConferenceCadence";
    public static final String TASK_OPEN_ANNUAL_CYCLE = "Task_OpenAnnualCycle";
    public static final String TASK_OPEN_CONFERENCE = "Task_OpenConference";

    private ConferenceModel() {}
}
