package org.compactreview.report;

import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.PageRequest;
import org.springframework.util.StringUtils;

/**
 * What the secretariat asks of the validation queue: one cycle, one UN region, a piece of a
 * participant's name (or its code); blank means any. 50 to a page, like the team list.
 */
public record ValidationQueueQuery(Long cycleId, String region, String search, PageRequest page) {

    public static final int PAGE_SIZE = 50;
    public static final int MAX_SEARCH = 100;

    public ValidationQueueQuery {
        region = StringUtils.hasText(region) ? region.trim() : null;
        search = StringUtils.hasText(search) ? search.trim() : null;
        if (search != null && search.length() > MAX_SEARCH) {
            throw new InvalidInputException("q", "validation.board.search", MAX_SEARCH);
        }
        if (page == null) {
            page = new PageRequest(0, PAGE_SIZE);
        }
    }
}
