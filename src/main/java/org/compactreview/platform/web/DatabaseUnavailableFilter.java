package org.compactreview.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.compactreview.platform.DatabaseUnavailable;
import org.compactreview.platform.ProblemWriter;
import org.compactreview.platform.Problems;
import org.compactreview.platform.UiLanguages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Answers 503 when the database is out of reach anywhere in a request, including before a
 * controller runs: loading the HTTP session (kept in PostgreSQL) or the signed-in user. It is the
 * one place that answers so: the API's exception handler, the security entry point and the
 * sign-in form pass such failures on to it. It sits in front of Spring Session's filter. API callers get a problem document, people a short page in
 * their browser's language that needs nothing from the database; both say to try again shortly.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 40)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    /** What a 503 tells the caller: the database usually returns within seconds. */
    private static final String RETRY_AFTER_SECONDS = "5";

    private final Problems problems;
    private final ProblemWriter problemWriter;
    private final ITemplateEngine templates;

    DatabaseUnavailableFilter(Problems problems, ProblemWriter problemWriter, ITemplateEngine templates) {
        this.problems = problems;
        this.problemWriter = problemWriter;
        this.templates = templates;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException failure) {
            if (!DatabaseUnavailable.causedBy(failure) || response.isCommitted()) {
                throw failure;
            }
            log.warn(
                    "Database unavailable for {} {}: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    failure.getMessage());
            answer(request, response);
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = UserLocaleResolver.fromHeader(request);
        response.resetBuffer();
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        if (UserLocaleResolver.isApi(request)) {
            problemWriter.write(
                    response,
                    problems.create(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", locale, "problem.unavailable"));
        } else {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setCharacterEncoding("UTF-8");
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            Context page = new Context(locale);
            // Rendered without Spring MVC, so without the beans the layout reaches.
            page.setVariable("direction", UiLanguages.direction(locale));
            response.getWriter().write(templates.process("error/503", page));
        }
    }
}
