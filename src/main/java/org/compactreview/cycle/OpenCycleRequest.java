package org.compactreview.cycle;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the secretariat gives to open a cycle. Optional dates default from configuration. */
public record OpenCycleRequest(
        @NotNull CycleKind kind,
        @NotBlank @Size(max = 32) @Pattern(regexp = "[0-9A-Za-z][0-9A-Za-z -]*") @Schema(example = "2027")
                String period,
        @Schema(
                        description = "Participant codes; default: all member states (annual) or all regional "
                                + "bodies (conference)")
                List<@NotBlank String> participants,
        @NotNull @Schema(example = "2027-03-31T23:59:59Z") Instant submissionDue,
        @Schema(
                        description = "One reminder at this date, for callers that give a date; give either this "
                                + "or reminderDays. Without both, the reminders come at the default reminder days.")
                Instant reminderAt,
        @Schema(description = "Default: 14 days after the due date") Instant windowClosesAt,
        @Schema(description = "High-level conferences only (required there): the conference date")
                LocalDate conferenceDate,
        @Schema(
                        description = "Reminders to the focal points, in whole days before the due date: 1 to 5 "
                                + "distinct days from 1 to 90. Default: 14, 7 and 1. Several days already past "
                                + "when the cycle opens make one reminder.",
                        example = "[14, 7, 1]")
                List<Integer> reminderDays) {

    /** A cycle with the default reminder days, or one reminder at {@code reminderAt}. */
    public OpenCycleRequest(
            CycleKind kind,
            String period,
            List<String> participants,
            Instant submissionDue,
            Instant reminderAt,
            Instant windowClosesAt,
            LocalDate conferenceDate) {
        this(kind, period, participants, submissionDue, reminderAt, windowClosesAt, conferenceDate, null);
    }

    /** An annual review cycle. */
    public OpenCycleRequest(
            CycleKind kind,
            String period,
            List<String> participants,
            Instant submissionDue,
            Instant reminderAt,
            Instant windowClosesAt) {
        this(kind, period, participants, submissionDue, reminderAt, windowClosesAt, null, null);
    }
}
