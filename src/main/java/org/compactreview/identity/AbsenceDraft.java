package org.compactreview.identity;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A period out of office as asked: a start at or before now starts it at once. */
public record AbsenceDraft(
        @NotNull @Schema(description = "When it starts (UTC); a time already passed starts it now") Instant startsAt,
        @NotNull @Schema(description = "When it ends (UTC); after the start, at most 366 days ahead") Instant endsAt,
        @NotBlank @Size(max = 64) @Schema(description = "Username of the colleague who holds the tasks meanwhile")
                String substitute) {}
