package org.compactreview.tracking;

import java.util.List;
import org.compactreview.platform.Page;

/**
 * One page of a cycle board: the rows that match the query ({@code rows.total()} of them), the
 * cycle's participant count, and the assignees that hold a task in the cycle (for the filter).
 */
public record BoardPage(Page<BoardRow> rows, int cycleTotal, int overdue, List<String> assignees) {

    public int pageCount() {
        return (int) Math.max(1, (rows.total() + rows.size() - 1) / rows.size());
    }
}
