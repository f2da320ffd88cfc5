package org.compactreview.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.compactreview.platform.ProblemWriter;
import org.compactreview.platform.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Refuses request bodies above a limit (default 1 MB, {@code compact-review.max-request-bytes})
 * with 413 before anything reads them: no report field needs more, and a huge body would
 * otherwise be parsed into memory whole. A body of undeclared length fails once it passes the limit.
 * A file upload ({@code multipart/form-data}, kept on disk by the servlet container, never in
 * memory) may carry one attachment ({@code compact-review.attachments.max-size}, default 10 MB)
 * and 1 MB of form fields around it; a page's upload above that gets the 413 error page, an API
 * call the problem document.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

    /** What a multipart request may carry besides its file: the other fields and part headers. */
    private static final long MULTIPART_ENVELOPE = 1024 * 1024;

    private final long maxBytes;
    private final long maxMultipartBytes;
    private final Problems problems;
    private final ProblemWriter problemWriter;
    private final LocaleResolver locales;

    RequestSizeLimit(
            @Value("${compact-review.max-request-bytes:1048576}") long maxBytes,
            @Value("${compact-review.attachments.max-size:10MB}") org.springframework.util.unit.DataSize maxAttachment,
            Problems problems,
            ProblemWriter problemWriter,
            LocaleResolver locales) {
        this.maxBytes = maxBytes;
        this.maxMultipartBytes = maxAttachment.toBytes() + MULTIPART_ENVELOPE;
        this.problems = problems;
        this.problemWriter = problemWriter;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = declaredLength(request);
        boolean upload = isMultipart(request);
        long limit = upload ? maxMultipartBytes : maxBytes;
        if (declared > limit) {
            if (upload && !request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                // A page: the error page says so in the user's language (error/413).
                response.setHeader("Connection", "close");
                response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
                return;
            }
            ProblemDetail problem = problems.create(
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "too-large",
                    locales.resolveLocale(request),
                    "problem.too-large",
                    limit / 1024);
            response.setHeader("Connection", "close");
            problemWriter.write(response, problem);
            return;
        }
        // Undeclared multipart lengths are bounded by the multipart limits of the container.
        chain.doFilter(declared < 0 && !upload ? new Limited(request, maxBytes) : request, response);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data");
    }

    /** The Content-Length header, or -1 when the body's length is not declared (chunked). */
    private static long declaredLength(HttpServletRequest request) {
        String header = request.getHeader("Content-Length");
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A body of undeclared length (chunked) is read up to the limit, then reading fails. */
    private static final class Limited extends jakarta.servlet.http.HttpServletRequestWrapper {
        private final long maxBytes;

        Limited(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public jakarta.servlet.ServletInputStream getInputStream() throws IOException {
            jakarta.servlet.ServletInputStream in = super.getInputStream();
            return new jakarta.servlet.ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0 && ++read > maxBytes) {
                        throw new IOException("request body larger than " + maxBytes + " bytes");
                    }
                    return b;
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(jakarta.servlet.ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
