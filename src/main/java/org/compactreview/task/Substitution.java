package org.compactreview.task;

import java.time.Instant;

/** One task an absence touched: moved to the substitute (and what became of it), or kept back. */
public record Substitution(
        String taskId,
        long absenceId,
        String absentUser,
        String substitute,
        Status status,
        String taskKey,
        String candidateGroup,
        String participantCode,
        Instant movedAt,
        Instant settledAt) {

    public enum Status {
        /** Held by the substitute while the absence runs. */
        MOVED,
        /** Left with the absent person: the substitute is not a candidate of the task's group. */
        STAYED,
        /** Given back to the person when the absence ended. */
        RETURNED,
        /** Not given back: someone else holds it now, or it was released. */
        KEPT,
        /** Done while the person was away. */
        DONE
    }
}
