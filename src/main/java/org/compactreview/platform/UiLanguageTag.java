package org.compactreview.platform;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value, when there is one, is the tag of a UI language ({@link UiLanguages#tags()}); no
 * value means "as the browser asks". Read from the one list, so a new language needs no edit
 * here.
 */
@Documented
@Constraint(validatedBy = UiLanguageTag.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface UiLanguageTag {

    String message() default "{validation.language}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Accepts null (no choice) and the exact tags of the UI languages. */
    class Check implements ConstraintValidator<UiLanguageTag, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || UiLanguages.isTag(value);
        }
    }
}
