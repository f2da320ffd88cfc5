package org.compactreview.platform;

/**
 * A page wanted by a caller. Pages count from 0; the size is capped so that no request can ask
 * for an unbounded list.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    public PageRequest {
        if (page < 0) {
            throw new InvalidInputException("page", "validation.page.negative");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size", "validation.page.size", MAX_SIZE);
        }
    }

    public int offset() {
        return page * size;
    }
}
