package org.compactreview.discussion;

import java.time.Instant;

/**
 * A comment on a report (naming one of its objectives, or none) or on a task. {@code deletable}
 * says whether the caller may still withdraw it: its author, within
 * {@link CommentService#DELETE_WINDOW} of posting.
 */
public record Comment(
        long id,
        Long reportId,
        Integer objective,
        String taskId,
        String author,
        boolean bySecretariat,
        String text,
        Instant createdAt,
        boolean deletable) {}
