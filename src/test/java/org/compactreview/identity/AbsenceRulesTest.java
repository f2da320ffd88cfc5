package org.compactreview.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.compactreview.platform.InvalidInputException.FieldProblem;
import org.compactreview.platform.ProblemException;
import org.junit.jupiter.api.Test;

class AbsenceRulesTest {

    private static final Instant NOW = Instant.parse("2027-01-10T09:00:00Z");
    private static final Instant FROM = NOW.plus(Duration.ofDays(1));
    private static final Instant TO = NOW.plus(Duration.ofDays(8));

    @Test
    void aPeriodAheadPassesAndOneStartedAlreadyStartsNow() {
        assertThat(AbsenceRules.period(FROM, TO, NOW)).isEmpty();
        assertThat(AbsenceRules.period(NOW.minus(Duration.ofDays(1)), TO, NOW)).isEmpty();
        assertThat(AbsenceRules.effectiveStart(NOW.minus(Duration.ofDays(1)), NOW))
                .isEqualTo(NOW);
        assertThat(AbsenceRules.effectiveStart(FROM, NOW)).isEqualTo(FROM);
    }

    @Test
    void aPeriodOverBackwardsOrTooLongIsRefusedNamingEndsAt() {
        assertThat(codes(AbsenceRules.period(NOW.minus(Duration.ofDays(5)), NOW, NOW)))
                .containsExactly("endsAt validation.absence.in-past");
        assertThat(codes(AbsenceRules.period(TO, FROM, NOW)))
                .containsExactly("endsAt validation.absence.ends-before-start");
        assertThat(codes(AbsenceRules.period(FROM, NOW.plus(Duration.ofDays(367)), NOW)))
                .containsExactly("endsAt validation.absence.too-far");
        assertThat(codes(AbsenceRules.period(null, null, NOW)))
                .containsExactly(
                        "startsAt validation.absence.starts-missing", "endsAt validation.absence.ends-missing");
    }

    @Test
    void loopsChainsAndOverlapsAreRefused() {
        Absence bAwayToA = absence("b", "a");
        Absence bAwayToC = absence("b", "c");
        Absence cAwayToA = absence("c", "a");
        Absence aAway = absence("a", "d");
        assertThat(conflict(List.of(), List.of(), List.of())).isNull();
        assertThat(conflict(List.of(aAway), List.of(), List.of())).isEqualTo("problem.absence.overlaps");
        assertThat(conflict(List.of(), List.of(bAwayToA), List.of())).isEqualTo("problem.absence.loop");
        assertThat(conflict(List.of(), List.of(bAwayToC), List.of())).isEqualTo("problem.absence.substitute-away");
        assertThat(conflict(List.of(), List.of(), List.of(cAwayToA))).isEqualTo("problem.absence.person-substitutes");
    }

    private static String conflict(List<Absence> personAway, List<Absence> substituteAway, List<Absence> standsIn) {
        return AbsenceRules.conflict("a", "b", personAway, substituteAway, standsIn)
                .map(ProblemException::messageCode)
                .orElse(null);
    }

    private static Absence absence(String username, String substitute) {
        return new Absence(1, username, substitute, FROM, TO, Absence.Status.SCHEDULED, username, NOW, null);
    }

    private static List<String> codes(List<FieldProblem> problems) {
        return problems.stream().map(p -> p.field() + " " + p.messageCode()).toList();
    }
}
