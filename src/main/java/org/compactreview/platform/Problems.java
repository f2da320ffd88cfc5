package org.compactreview.platform;

import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Builds every problem document the app answers: a stable {@code type}
 * ({@code urn:compact-review:problem:<type>}), a title and a detail in the caller's language.
 */
@Component
public class Problems {

    private static final String TYPE_PREFIX = "urn:compact-review:problem:";

    private final MessageSource messages;

    Problems(MessageSource messages) {
        this.messages = messages;
    }

    public ProblemDetail create(
            HttpStatus status, String type, Locale locale, String messageCode, Object... arguments) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text(locale, messageCode, arguments));
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(text(locale, "problem.title." + type));
        return problem;
    }

    /** A refusal in the current user's words, its field problems included: for pages. */
    public String describe(ProblemException refused) {
        Locale locale = LocaleContextHolder.getLocale();
        StringBuilder text = new StringBuilder(text(locale, refused.messageCode(), refused.arguments()));
        if (refused instanceof InvalidInputException invalid) {
            invalid.fieldProblems().forEach(p -> text.append(' ').append(text(locale, p.messageCode(), p.arguments())));
        }
        return text.toString();
    }

    public String text(Locale locale, String code, Object... arguments) {
        return messages.getMessage(code, arguments, code, locale);
    }
}
