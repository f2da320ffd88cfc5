package org.compactreview.discussion;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code compact-review.attachments.max-size}: the largest file accepted (default 10 MB). The
 * multipart limits in {@code application.yml} follow it, so that a larger upload is refused
 * before any of it is stored.
 */
@ConfigurationProperties("compact-review.attachments")
public record AttachmentProperties(DataSize maxSize) {

    public AttachmentProperties {
        if (maxSize == null) {
            maxSize = DataSize.ofMegabytes(10);
        }
    }
}
