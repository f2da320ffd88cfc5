package org.compactreview.platform.web;

import org.compactreview.platform.ConflictException;
import org.compactreview.platform.ForbiddenException;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.NotFoundException;
import org.compactreview.platform.Problems;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Failures of pages: a page in the user's language saying why, with the right status; no trace.
 * Bad requests that never reach a controller (refused by the firewall, say) get the same 400 page
 * through the error page {@code error/400}.
 */
@ControllerAdvice(annotations = Controller.class)
class WebErrorAdvice {

    private final Problems problems;

    WebErrorAdvice(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        return page("error/404", HttpStatus.NOT_FOUND, null);
    }

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(ConflictException e) {
        return page("error/409", HttpStatus.CONFLICT, text(e.messageCode(), e.arguments()));
    }

    /** A value of the address or of a form that the page refuses, e.g. {@code ?page=-1}. */
    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalid(InvalidInputException e) {
        String text = e.fieldProblems().stream()
                .map(p -> text(p.messageCode(), p.arguments()))
                .collect(java.util.stream.Collectors.joining(" "));
        return page("error/400", HttpStatus.BAD_REQUEST, text);
    }

    /** A value of the address that is not of the parameter's type, e.g. {@code ?stage=FOO}. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView wrongType(MethodArgumentTypeMismatchException e) {
        return page("error/400", HttpStatus.BAD_REQUEST, text("error.400.parameter", e.getName()));
    }

    @ExceptionHandler(ForbiddenException.class)
    ModelAndView forbidden(ForbiddenException e) {
        return page("error/403", HttpStatus.FORBIDDEN, text(e.messageCode(), e.arguments()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden(AccessDeniedException e) {
        return page("error/403", HttpStatus.FORBIDDEN, null);
    }

    private String text(String code, Object... arguments) {
        return problems.text(LocaleContextHolder.getLocale(), code, arguments);
    }

    private static ModelAndView page(String view, HttpStatus status, String text) {
        ModelAndView page = new ModelAndView(view, status);
        page.addObject("problemText", text);
        return page;
    }
}
