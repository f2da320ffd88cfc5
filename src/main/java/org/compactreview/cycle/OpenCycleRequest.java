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
        @Schema(description = "Default: 7 days before the due date") Instant reminderAt,
        @Schema(description = "Default: 14 days after the due date") Instant windowClosesAt,
        @Schema(description = "High-level conferences only (required there): the conference date")
                LocalDate conferenceDate) {

    /** An annual review cycle. */
    public OpenCycleRequest(
            CycleKind kind,
            String period,
            List<String> participants,
            Instant submissionDue,
            Instant reminderAt,
            Instant windowClosesAt) {
        this(kind, period, participants, submissionDue, reminderAt, windowClosesAt, null);
    }
}
