package org.compactreview.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.compactreview.platform.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.Test;

class DueDateRulesTest {

    private static final Instant NOW = Instant.parse("2027-01-10T09:00:00Z");
    private static final Duration YEAR = Duration.ofDays(366);

    @Test
    void aFutureDateWithAReasonPasses() {
        assertThat(DueDateRules.problems(NOW.plus(Duration.ofDays(3)), "Elections", NOW, YEAR))
                .isEmpty();
    }

    @Test
    void aDateNowOrPastOrBeyondTheLimitIsRefusedNamingDueAt() {
        assertThat(DueDateRules.problems(NOW, "x", NOW, YEAR))
                .extracting(FieldProblem::field, FieldProblem::messageCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dueAt", "validation.due-date.past"));
        assertThat(DueDateRules.problems(NOW.plus(YEAR).plusSeconds(1), "x", NOW, YEAR))
                .extracting(FieldProblem::messageCode)
                .containsExactly("validation.due-date.too-far");
        assertThat(DueDateRules.problems(NOW.plus(YEAR), "x", NOW, YEAR)).isEmpty();
        assertThat(DueDateRules.problems(null, "x", NOW, YEAR))
                .extracting(FieldProblem::messageCode)
                .containsExactly("validation.due-date.missing");
    }

    @Test
    void aBlankOrOverlongReasonIsRefusedNamingReason() {
        assertThat(DueDateRules.problems(NOW.plus(Duration.ofDays(1)), "  ", NOW, YEAR))
                .extracting(FieldProblem::field)
                .containsExactly("reason");
        assertThat(DueDateRules.problems(NOW.plus(Duration.ofDays(1)), "r".repeat(1001), NOW, YEAR))
                .extracting(FieldProblem::messageCode)
                .containsExactly("validation.due-date.reason-length");
        assertThat(DueDateRules.problems(null, null, NOW, YEAR))
                .extracting(FieldProblem::field)
                .containsExactly("dueAt", "reason");
    }

    @Test
    void everyTimerKeepsItsOffsetFromTheDueDateEitherWay() {
        Instant due = NOW.plus(Duration.ofDays(30));
        Instant reminder = due.minus(Duration.ofDays(7));
        Instant closing = due.plus(Duration.ofDays(14));
        Instant later = due.plus(Duration.ofDays(10));
        assertThat(DueDateRules.moved(reminder, due, later)).isEqualTo(later.minus(Duration.ofDays(7)));
        assertThat(DueDateRules.moved(closing, due, later)).isEqualTo(later.plus(Duration.ofDays(14)));
        Instant earlier = due.minus(Duration.ofDays(2));
        assertThat(DueDateRules.moved(reminder, due, earlier)).isEqualTo(earlier.minus(Duration.ofDays(7)));
    }
}
