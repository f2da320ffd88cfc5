package org.compactreview.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What the database can keep, checked before it is asked to: text without NUL (PostgreSQL text
 * cannot hold it) and dates of the years {@value #MIN_YEAR}-{@value #MAX_YEAR}. The date bound is
 * the domain's, far inside PostgreSQL's (year 294276): review cycles, conferences and capacity
 * plans are about this century and the next, and anything outside is a typing error.
 */
public final class StorableInput {

    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2200;
    public static final String UNSTORABLE_TEXT = "validation.text.unstorable";
    public static final String DATE_OUT_OF_RANGE = "validation.date.range";

    private StorableInput() {}

    /** The arguments of {@link #DATE_OUT_OF_RANGE}: years as written, not as numbers (no "2,000"). */
    public static Object[] yearBounds() {
        return new Object[] {String.valueOf(MIN_YEAR), String.valueOf(MAX_YEAR)};
    }

    public static boolean storable(String text) {
        return text == null || text.indexOf('\u0000') < 0;
    }

    public static boolean inRange(LocalDate date) {
        return date == null || (date.getYear() >= MIN_YEAR && date.getYear() <= MAX_YEAR);
    }

    public static boolean inRange(Instant instant) {
        return instant == null || inRange(LocalDate.ofInstant(instant, ZoneOffset.UTC));
    }
}
