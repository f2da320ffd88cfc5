package org.compactreview.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.compactreview.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

class ReportRulesTest {

    private static final java.util.function.IntPredicate GCM = n -> n >= 1 && n <= 23;

    @Test
    void acceptsPartialDraftWithinLimits() {
        assertThatCode(() -> ReportRules.checkDraftEntries(
                        List.of(
                                new ReportEntry(1, 0, "a", null, null, false),
                                new ReportEntry(23, 4, null, null, "p", true)),
                        GCM))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesUnknownObjectiveDuplicateRatingOutOfRangeAndLongText() {
        List<ReportEntry> entries = List.of(
                new ReportEntry(24, 2, null, null, null, false),
                new ReportEntry(3, 5, null, null, null, false),
                new ReportEntry(3, -1, null, null, null, false),
                new ReportEntry(4, 2, "x".repeat(ReportRules.MAX_TEXT + 1), null, null, false));
        assertThatThrownBy(() -> ReportRules.checkDraftEntries(entries, GCM))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldProblems())
                        .extracting(InvalidInputException.FieldProblem::field)
                        .containsExactly(
                                "entries[0].objective",
                                "entries[1].rating",
                                "entries[2].objective",
                                "entries[2].rating",
                                "entries[3].achievements"));
    }

    @Test
    void textAtTheLimitIsAccepted() {
        assertThatCode(() -> ReportRules.checkDraftEntries(
                        List.of(new ReportEntry(1, 2, "x".repeat(ReportRules.MAX_TEXT), null, null, false)), GCM))
                .doesNotThrowAnyException();
    }

    @Test
    void submissionNeedsEveryRating() {
        List<ReportEntry> entries = List.of(ReportEntry.empty(1), new ReportEntry(2, 3, null, null, null, false));
        assertThatThrownBy(() -> ReportRules.checkComplete(entries, false))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldProblems()).hasSize(1).first().satisfies(p -> assertThat(p.field())
                                .isEqualTo("entries[objective=1].rating")));
    }

    @Test
    void returnNeedsAComment() {
        assertThatThrownBy(() -> ReportRules.checkDecision(ValidationDecision.RETURN, " "))
                .isInstanceOf(InvalidInputException.class);
        assertThatCode(() -> ReportRules.checkDecision(ValidationDecision.ACCEPT, null))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ReportRules.checkDecision(null, null)).isInstanceOf(InvalidInputException.class);
    }
}
