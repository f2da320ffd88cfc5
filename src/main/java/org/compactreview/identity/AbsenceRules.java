package org.compactreview.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.compactreview.platform.ConflictException;
import org.compactreview.platform.InvalidInputException.FieldProblem;

/**
 * The rules of a period out of office, without a database: its dates, and why it would make a
 * chain or a loop with the periods around it. Refused, never resolved (see {@link Absences}).
 */
final class AbsenceRules {

    /** The longest period that can be set, and how far ahead it may end. */
    static final Duration LONGEST = Duration.ofDays(366);

    private AbsenceRules() {}

    /** The problems of a period asked at {@code now}: a period over already, backwards or too long. */
    static List<FieldProblem> period(Instant startsAt, Instant endsAt, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        if (startsAt == null) {
            problems.add(new FieldProblem("startsAt", "validation.absence.starts-missing"));
        }
        if (endsAt == null) {
            problems.add(new FieldProblem("endsAt", "validation.absence.ends-missing"));
        } else if (!endsAt.isAfter(now)) {
            problems.add(new FieldProblem("endsAt", "validation.absence.in-past"));
        } else if (startsAt != null && !endsAt.isAfter(startsAt)) {
            problems.add(new FieldProblem("endsAt", "validation.absence.ends-before-start"));
        } else if (endsAt.isAfter(now.plus(LONGEST))) {
            problems.add(new FieldProblem("endsAt", "validation.absence.too-far", LONGEST.toDays()));
        }
        return problems;
    }

    /** When a period really starts: a start already passed starts it now. */
    static Instant effectiveStart(Instant startsAt, Instant now) {
        return startsAt.isBefore(now) ? now : startsAt;
    }

    /**
     * Why a period of {@code username} with {@code substitute} is refused, given the set or running
     * periods overlapping it: the person's own, the substitute's, and those in which the person
     * stands in for someone.
     */
    static Optional<ConflictException> conflict(
            String username,
            String substitute,
            List<Absence> personAway,
            List<Absence> substituteAway,
            List<Absence> personStandsIn) {
        if (!personAway.isEmpty()) {
            return Optional.of(new ConflictException("problem.absence.overlaps"));
        }
        if (substituteAway.stream().anyMatch(a -> a.substitute().equals(username))) {
            return Optional.of(new ConflictException("problem.absence.loop", substitute));
        }
        if (!substituteAway.isEmpty()) {
            return Optional.of(new ConflictException("problem.absence.substitute-away", substitute));
        }
        if (!personStandsIn.isEmpty()) {
            return Optional.of(new ConflictException(
                    "problem.absence.person-substitutes", personStandsIn.get(0).username()));
        }
        return Optional.empty();
    }
}
