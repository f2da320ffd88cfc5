package org.compactreview.tracking;

/**
 * The columns of the cycle board's grid: the stages of a participant's annual review in the order a
 * report passes them. A report stands in exactly one; {@code CLOSED} takes the two ways the
 * submission window can close on a report that was never settled (never submitted, or returned and
 * not resubmitted). Capacity-building follow-up is not a column: it runs in its own process after
 * acceptance and has its own list ({@code /capacity}).
 */
public enum BoardColumn {
    DRAFT,
    SUBMITTED,
    RETURNED,
    ACCEPTED,
    CLOSED;

    /** The column of a report status ({@code ReportStatus} name). */
    public static BoardColumn of(String reportStatus) {
        return switch (reportStatus) {
            case "DRAFT" -> DRAFT;
            case "SUBMITTED" -> SUBMITTED;
            case "RETURNED" -> RETURNED;
            case "ACCEPTED" -> ACCEPTED;
            default -> CLOSED;
        };
    }

    /** A filter value of the board ({@code stage=submitted}, any case), or empty for none. */
    static java.util.Optional<BoardColumn> parse(String value) {
        if (value == null || value.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(valueOf(value.trim().toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            throw new org.compactreview.platform.InvalidInputException("stage", "validation.board.stage");
        }
    }
}
