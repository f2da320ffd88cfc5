package org.compactreview.platform.web;

import org.compactreview.platform.ConflictException;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.NotFoundException;
import org.compactreview.platform.ProblemException;
import org.compactreview.platform.Problems;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Failures of pages: a page in the user's language saying why, with the right status; no trace. */
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

    @ExceptionHandler({ConflictException.class, InvalidInputException.class})
    ModelAndView conflict(ProblemException e) {
        HttpStatus status = e instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        return page(
                "error/409", status, problems.text(LocaleContextHolder.getLocale(), e.messageCode(), e.arguments()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden(AccessDeniedException e) {
        return page("error/403", HttpStatus.FORBIDDEN, null);
    }

    private static ModelAndView page(String view, HttpStatus status, String text) {
        ModelAndView page = new ModelAndView(view, status);
        page.addObject("problemText", text);
        return page;
    }
}
