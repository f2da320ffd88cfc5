package org.compactreview.platform;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of the JSON API into an RFC 7807 problem with a stable {@code type}, a
 * title and detail in the caller's language, and the offending fields. Unexpected failures are
 * logged with an id that the answer repeats; the answer never carries a stack trace.
 */
@RestControllerAdvice(annotations = RestController.class)
// Before the pages' WebErrorAdvice, whose @Controller selector also matches @RestController.
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final Problems problems;
    private final MessageSource messages;

    ProblemHandler(Problems problems, MessageSource messages) {
        this.problems = problems;
        this.messages = messages;
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> handleProblem(ProblemException e) {
        HttpStatus status =
                switch (e.type()) {
                    case "not-found" -> HttpStatus.NOT_FOUND;
                    case "conflict" -> HttpStatus.CONFLICT;
                    case "forbidden" -> HttpStatus.FORBIDDEN;
                    case "too-large" -> HttpStatus.PAYLOAD_TOO_LARGE;
                    case "unsupported-type" -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
                    default -> HttpStatus.BAD_REQUEST;
                };
        ProblemDetail problem = problem(status, e.type(), e.messageCode(), e.arguments());
        if (e instanceof InvalidInputException invalid) {
            problem.setProperty("errors", fieldErrors(invalid.fieldProblems()));
        }
        return respond(problem);
    }

    @ExceptionHandler({OptimisticLockingException.class, OptimisticLockingFailureException.class})
    ResponseEntity<ProblemDetail> handleConcurrentChange(RuntimeException e) {
        log.info("Concurrent change refused: {}", e.getMessage());
        return respond(problem(HttpStatus.CONFLICT, "concurrent-change", "problem.concurrent-change"));
    }

    @ExceptionHandler(TaskAlreadyClaimedException.class)
    ResponseEntity<ProblemDetail> handleAlreadyClaimed(TaskAlreadyClaimedException e) {
        return respond(problem(HttpStatus.CONFLICT, "conflict", "problem.task.claimed-by-other"));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> handleIntegrity(DataIntegrityViolationException e) {
        log.info("Integrity violation refused: {}", e.getMostSpecificCause().getMessage());
        return respond(problem(HttpStatus.CONFLICT, "conflict", "problem.integrity"));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> handleDenied(AccessDeniedException e) {
        return respond(problem(HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "problem.invalid-input");
        problem.setProperty("errors", List.of(Map.of("field", e.getName(), "message", text("validation.wrong-type"))));
        return respond(problem);
    }

    /**
     * Anything else: 500. When the database is out of reach (however wrapped), the exception goes
     * on to {@code DatabaseUnavailableFilter}, which answers 503 for every kind of request.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception e) throws Exception {
        if (DatabaseUnavailable.causedBy(e)) {
            throw e;
        }
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected failure {}", incident, e);
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "problem.internal", incident);
        problem.setProperty("incident", incident);
        return respond(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "problem.invalid-input");
        problem.setProperty(
                "errors",
                e.getBindingResult().getFieldErrors().stream()
                        .map(error -> Map.of(
                                "field",
                                error.getField(),
                                "message",
                                messages.getMessage(error, LocaleContextHolder.getLocale())))
                        .toList());
        return new ResponseEntity<>(problem, problemHeaders(), HttpStatus.BAD_REQUEST);
    }

    /** An upload above the multipart limit, found while the request's parts are read: 413. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            org.springframework.web.multipart.MaxUploadSizeExceededException e,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        long max = e.getMaxUploadSize() > 0 ? e.getMaxUploadSize() : 0;
        return new ResponseEntity<>(
                problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "problem.too-large", max / 1024),
                problemHeaders(),
                HttpStatus.PAYLOAD_TOO_LARGE);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return new ResponseEntity<>(JsonBodyProblems.of(e, problems), problemHeaders(), HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        HttpHeaders merged = new HttpHeaders();
        if (headers != null) {
            merged.putAll(headers);
        }
        merged.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body, merged, statusCode);
    }

    private List<Map<String, String>> fieldErrors(List<InvalidInputException.FieldProblem> problems) {
        return problems.stream()
                .map(p -> Map.of("field", p.field(), "message", text(p.messageCode(), p.arguments())))
                .toList();
    }

    private ProblemDetail problem(HttpStatus status, String type, String messageCode, Object... arguments) {
        return problems.create(status, type, LocaleContextHolder.getLocale(), messageCode, arguments);
    }

    private String text(String code, Object... arguments) {
        return problems.text(LocaleContextHolder.getLocale(), code, arguments);
    }

    private static HttpHeaders problemHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
        return headers;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .headers(problemHeaders())
                .body(problem);
    }
}
