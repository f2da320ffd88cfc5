package org.compactreview.tracking;

import java.util.List;

/**
 * One participant's row of the board grid: its status, the column it stands at, how many days it
 * is overdue (0 when it is not) and one cell per column.
 */
public record BoardRow(ParticipantStatus status, BoardColumn column, long daysOverdue, List<Cell> cells) {

    /** Where a row stands against one column. */
    public enum CellState {
        /** The stage the report is at now. */
        CURRENT,
        /** A stage the report went through. */
        PASSED,
        /** Not reached (or skipped: an accepted report that was never returned). */
        NONE
    }

    public record Cell(BoardColumn column, CellState state) {}

    static BoardRow of(ParticipantStatus status, long daysOverdue) {
        BoardColumn at = BoardColumn.of(status.reportStatus());
        List<Cell> cells = java.util.Arrays.stream(BoardColumn.values())
                .map(c -> new Cell(c, state(c, at, status)))
                .toList();
        return new BoardRow(status, at, daysOverdue, cells);
    }

    /**
     * Every report starts as a draft; a submitted version means it was submitted once; a report
     * submitted more than once, or standing closed after a return, went through "returned".
     */
    private static CellState state(BoardColumn column, BoardColumn at, ParticipantStatus status) {
        if (column == at) {
            return CellState.CURRENT;
        }
        boolean passed =
                switch (column) {
                    case DRAFT -> true;
                    case SUBMITTED -> status.submittedVersion() > 0 && at != BoardColumn.DRAFT;
                    case RETURNED -> status.submittedVersion() > 1 || "CLOSED".equals(status.reportStatus());
                    case ACCEPTED, CLOSED -> false;
                };
        return passed ? CellState.PASSED : CellState.NONE;
    }
}
