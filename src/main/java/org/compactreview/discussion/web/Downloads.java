package org.compactreview.discussion.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.compactreview.discussion.Attachment;
import org.compactreview.discussion.AttachmentService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * Sends an attachment as a download, never for display: {@code Content-Disposition: attachment},
 * the type its content was checked to be, {@code nosniff}, and a sandboxing CSP in case a browser
 * opens it anyway. The bytes stream from the database chunk by chunk.
 */
public final class Downloads {

    private Downloads() {}

    public static void send(Attachment attachment, AttachmentService attachments, HttpServletResponse response)
            throws IOException {
        response.setContentType(attachment.contentType());
        response.setContentLengthLong(attachment.sizeBytes());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(attachment.filename(), StandardCharsets.UTF_8)
                        .build()
                        .toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        attachments.copyContent(attachment, response.getOutputStream());
        response.flushBuffer();
    }
}
