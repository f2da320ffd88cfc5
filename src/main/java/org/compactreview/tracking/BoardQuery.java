package org.compactreview.tracking;

import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.PageRequest;

/**
 * What the cycle board shows: optional filters (all {@code null} or blank for none) and the page.
 *
 * @param region a member-state region code ({@code AFRICA})
 * @param stage a {@link BoardColumn} name, any case
 * @param assignee the username holding the report's open task, or {@link #UNASSIGNED} for rows
 *     whose open task nobody holds (rows without an open task never match an assignee filter)
 * @param overdueOnly only rows past their due date still in submission
 * @param search part of the participant's name or code, any case, accents ignored
 */
public record BoardQuery(
        String region, String stage, String assignee, boolean overdueOnly, String search, PageRequest page) {

    /** The assignee filter value for "nobody holds the task"; no username can be it. */
    public static final String UNASSIGNED = "-";

    public static final int PAGE_SIZE = 50;
    public static final int MAX_SEARCH = 100;

    public BoardQuery {
        if (search != null && search.length() > MAX_SEARCH) {
            throw new InvalidInputException("q", "validation.board.search", MAX_SEARCH);
        }
        if (page == null) {
            page = new PageRequest(0, PAGE_SIZE);
        }
    }

    /** Everything on one page of the usual size: the board as it first opens. */
    public static BoardQuery all(int page) {
        return new BoardQuery(null, null, null, false, null, new PageRequest(page, PAGE_SIZE));
    }
}
