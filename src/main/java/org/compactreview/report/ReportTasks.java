package org.compactreview.report;

import java.util.Set;
import org.compactreview.process.ParticipantReviewModel;

/** The user tasks of a report's own steps: drafting (and revising) it, and validating it. */
public final class ReportTasks {

    public static final String SUBMIT = ParticipantReviewModel.TASK_SUBMIT_REPORT;
    public static final String VALIDATE = ParticipantReviewModel.TASK_VALIDATE_REPORT;

    /** The keys of a report's open task, as the cycle board shows it. */
    public static final Set<String> KEYS = Set.of(SUBMIT, VALIDATE);

    private ReportTasks() {}
}
