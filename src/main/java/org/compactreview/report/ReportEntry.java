package org.compactreview.report;

import io.swagger.v3.oas.annotations.media.Schema;

/** A participant's progress on one objective. */
public record ReportEntry(
        @Schema(description = "Objective number, 1 to 23") int objective,
        @Schema(description = "0 not started, 1 initial, 2 in progress, 3 advanced, 4 achieved; null while drafting")
                Integer rating,
        @Schema(maxLength = ReportRules.MAX_TEXT) String achievements,
        @Schema(maxLength = ReportRules.MAX_TEXT) String obstacles,
        @Schema(maxLength = ReportRules.MAX_TEXT) String priorities,
        boolean supportNeeded) {

    static ReportEntry empty(int objective) {
        return new ReportEntry(objective, null, null, null, null, false);
    }
}
