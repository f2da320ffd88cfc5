package org.compactreview.cycle;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A review cycle and its deadlines (UTC). {@code reminderAt} is the first reminder; {@code
 * reminderDays} the whole days before the due date at which the focal points are reminded, largest
 * first, or null for a cycle with one reminder at {@code reminderAt} (opened with a date, or
 * before issue 15).
 */
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
        LocalDate conferenceDate,
        List<Integer> reminderDays) {}
