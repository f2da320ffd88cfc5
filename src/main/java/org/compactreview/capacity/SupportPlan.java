package org.compactreview.capacity;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The support agreed with an implementing partner. */
public record SupportPlan(
        @NotBlank @Size(max = 200) String implementingPartner,
        @NotBlank @Size(max = 4000) String activities,
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate,
        @DecimalMin("0") BigDecimal budget,
        @Pattern(regexp = "[A-Z]{3}") String currency,
        @Size(max = 200)
                @Schema(
                        description = "Free text or a known fund, e.g. 'Migration Multi-Partner Trust Fund'",
                        example = "Migration Multi-Partner Trust Fund")
                String fundingSource,
        @NotBlank @Schema(description = "ISO-8601 period between progress updates, 7 days to 1 year", example = "P1M")
                String reviewInterval) {}
