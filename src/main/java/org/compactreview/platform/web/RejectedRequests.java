package org.compactreview.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.compactreview.platform.ProblemWriter;
import org.compactreview.platform.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Answers a request that Spring Security's firewall refuses (a double slash, a semicolon, an
 * encoded slash...) with 400 the way the rest of the app does: API callers get a problem document
 * in their Accept-Language; people get the 400 error page in their language, rendered by the
 * error page mechanism. Spring Security's {@code WebSecurity} picks this bean up by its type.
 */
@Component
class RejectedRequests implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(RejectedRequests.class);

    private final Problems problems;
    private final ProblemWriter problemWriter;

    RejectedRequests(Problems problems, ProblemWriter problemWriter) {
        this.problems = problems;
        this.problemWriter = problemWriter;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        log.info("Request refused by the firewall: {}", rejected.getMessage());
        if (UserLocaleResolver.isApi(request)) {
            problemWriter.write(
                    response,
                    problems.create(
                            HttpStatus.BAD_REQUEST,
                            "rejected-address",
                            UserLocaleResolver.fromHeader(request),
                            "problem.rejected-address"));
        } else {
            response.sendError(HttpStatus.BAD_REQUEST.value());
        }
    }
}
