package org.compactreview.discussion;

import java.time.Instant;

/** A stored piece of evidence: what it belongs to, its safe name, checked type and size. */
public record Attachment(
        long id,
        AttachmentTarget target,
        String filename,
        String contentType,
        long sizeBytes,
        String sha256,
        String uploadedBy,
        Instant uploadedAt) {}
