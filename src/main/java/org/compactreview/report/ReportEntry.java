package org.compactreview.report;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A participant's progress on one objective. In a regional review, {@code achievements} is the
 * summary of progress, {@code obstacles} the challenges and {@code priorities} the
 * recommendations; {@code goodPractices} is used by regional reviews only, and they have no rating.
 */
public record ReportEntry(
        @Schema(description = "Objective number, 1 to 23") int objective,
        @Schema(description = "0 not started, 1 initial, 2 in progress, 3 advanced, 4 achieved; null while drafting")
                Integer rating,
        @Schema(maxLength = ReportRules.MAX_TEXT) String achievements,
        @Schema(maxLength = ReportRules.MAX_TEXT) String obstacles,
        @Schema(maxLength = ReportRules.MAX_TEXT) String priorities,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, description = "Default false") boolean supportNeeded,
        @Schema(maxLength = ReportRules.MAX_TEXT, description = "Regional reviews: good practices")
                String goodPractices) {

    /** An entry of a national report (no good practices). */
    public ReportEntry(
            int objective,
            Integer rating,
            String achievements,
            String obstacles,
            String priorities,
            boolean supportNeeded) {
        this(objective, rating, achievements, obstacles, priorities, supportNeeded, null);
    }

    static ReportEntry empty(int objective) {
        return new ReportEntry(objective, null, null, null, null, false, null);
    }
}
