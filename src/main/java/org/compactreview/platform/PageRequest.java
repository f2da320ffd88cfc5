package org.compactreview.platform;

/**
 * A page wanted by a caller. Pages count from 0; the size is capped so that no request can ask
 * for an unbounded list, and the page number so that the offset (page times size) always fits.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;
    /** {@code MAX_PAGE * MAX_SIZE} stays far below {@link Integer#MAX_VALUE}. */
    public static final int MAX_PAGE = 1_000_000;

    public PageRequest {
        if (page < 0) {
            throw new InvalidInputException("page", "validation.page.negative");
        }
        if (page > MAX_PAGE) {
            throw new InvalidInputException("page", "validation.page.too-far", MAX_PAGE);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size", "validation.page.size", MAX_SIZE);
        }
    }

    public int offset() {
        return page * size;
    }
}
