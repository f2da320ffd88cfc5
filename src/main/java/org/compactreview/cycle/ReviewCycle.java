package org.compactreview.cycle;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;

/** A review cycle and its deadlines (UTC). */
public record ReviewCycle(
        long id,
        CycleKind kind,
        String period,
        CycleStatus status,
        Instant reminderAt,
        Instant submissionDue,
        Instant windowClosesAt,
        int participantCount,
        String processInstanceId,
        String openedBy,
        Instant openedAt,
        Instant closedAt,
        LocalDate meetingDate,
        String meetingAgenda,
        String meetingOutcomes,
        JsonNode meetingDecisions,
        LocalDate conferenceDate) {}
