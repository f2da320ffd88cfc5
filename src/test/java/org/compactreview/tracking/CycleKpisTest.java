package org.compactreview.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.compactreview.tracking.CycleCalendar.CycleDates;
import org.compactreview.tracking.CycleKpis.ReportFacts;
import org.junit.jupiter.api.Test;

/** Every figure of the cycles overview on fixtures computed by hand. */
class CycleKpisTest {

    private static final Instant OPENED = Instant.parse("2027-01-01T00:00:00Z");
    private static final Instant DUE = Instant.parse("2027-01-31T00:00:00Z");
    private static final CycleDates CYCLE = new CycleDates(7, "ANNUAL_REVIEW", "2027", "OPEN", OPENED, DUE);

    private static Instant day(double days) {
        return OPENED.plusSeconds((long) (days * 86_400));
    }

    private static long days(double days) {
        return (long) (days * 86_400);
    }

    /**
     * Ten reports: 2 drafts, 1 awaiting validation, 1 returned, 5 accepted, 1 not submitted. First
     * submissions (days after opening): 10, 20, 30 (the due date itself: on time), 31, 40, 45, 50
     * (7 reports): on time 3 of 10 = 30.0 %; median of 7 = 31.0 days. First submissions decided: 6
     * (the awaiting one not), accepted as they were: 4 of 6 = 66.7 %. Acceptances after 2, 4, 6 and
     * 13 days (two of them) : median of 2, 4, 6, 13, 13 = 6.0 days.
     */
    private static final ReportFacts TEN = new ReportFacts(
            2,
            1,
            1,
            5,
            1,
            List.of(day(50), day(10), day(30), day(20), day(31), day(40), day(45)),
            6,
            4,
            List.of(days(13), days(2), days(6), days(13), days(4)));

    @Test
    void countsReportsPerStage() {
        CycleOverviewRow row = CycleKpis.compute(CYCLE, TEN, 3, DUE.minusSeconds(1));
        assertThat(row.reports()).isEqualTo(10);
        assertThat(row.drafts()).isEqualTo(2);
        assertThat(row.submitted()).isEqualTo(1);
        assertThat(row.returned()).isEqualTo(1);
        assertThat(row.accepted()).isEqualTo(5);
        assertThat(row.closedUnsubmitted()).isEqualTo(1);
        assertThat(row.openEscalations()).isEqualTo(3);
        assertThat(row.id()).isEqualTo(7);
        assertThat(row.period()).isEqualTo("2027");
    }

    @Test
    void onTimeIsFirstSubmissionByTheDueDateOutOfAllReports() {
        assertThat(CycleKpis.compute(CYCLE, TEN, 0, DUE).onTimePercent()).isEqualByComparingTo("30.0");
    }

    @Test
    void acceptedAtFirstIsOutOfTheDecidedFirstSubmissions() {
        assertThat(CycleKpis.compute(CYCLE, TEN, 0, DUE).acceptedAtFirstPercent())
                .isEqualTo(new BigDecimal("66.7"));
    }

    @Test
    void mediansInDaysWithOneDecimal() {
        CycleOverviewRow row = CycleKpis.compute(CYCLE, TEN, 0, DUE);
        assertThat(row.medianDaysToSubmission()).isEqualTo(new BigDecimal("31.0"));
        assertThat(row.medianDaysToAcceptance()).isEqualTo(new BigDecimal("6.0"));
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        // 1 day and 2.5 days: (86,400 + 216,000) / 2 = 151,200 s = 1.75 days, shown 1.8.
        assertThat(CycleKpis.medianDays(List.of(days(2.5), days(1)))).isEqualTo(new BigDecimal("1.8"));
        assertThat(CycleKpis.medianDays(List.of(days(4), days(1), days(3), days(2))))
                .isEqualTo(new BigDecimal("2.5"));
    }

    @Test
    void overdueNowCountsDraftsAndReturnedOnlyAfterTheDueDate() {
        assertThat(CycleKpis.compute(CYCLE, TEN, 0, DUE).overdueNow()).isZero();
        assertThat(CycleKpis.compute(CYCLE, TEN, 0, DUE.plusSeconds(1)).overdueNow())
                .isEqualTo(3);
    }

    @Test
    void anEmptyCycleHasNoFiguresAndNoDivisionByZero() {
        CycleOverviewRow row = CycleKpis.compute(CYCLE, ReportFacts.NONE, 0, DUE.plus(10, ChronoUnit.DAYS));
        assertThat(row.reports()).isZero();
        assertThat(row.onTimePercent()).isNull();
        assertThat(row.acceptedAtFirstPercent()).isNull();
        assertThat(row.medianDaysToSubmission()).isNull();
        assertThat(row.medianDaysToAcceptance()).isNull();
        assertThat(row.overdueNow()).isZero();
    }

    @Test
    void aCycleWithReportsButNoneSubmittedHasZeroOnTimeAndNoOtherFigure() {
        ReportFacts drafts = new ReportFacts(4, 0, 0, 0, 0, List.of(), 0, 0, List.of());
        CycleOverviewRow row = CycleKpis.compute(CYCLE, drafts, 0, DUE.plusSeconds(1));
        assertThat(row.onTimePercent()).isEqualTo(new BigDecimal("0.0"));
        assertThat(row.acceptedAtFirstPercent()).isNull();
        assertThat(row.medianDaysToSubmission()).isNull();
        assertThat(row.medianDaysToAcceptance()).isNull();
        assertThat(row.overdueNow()).isEqualTo(4);
    }

    @Test
    void percentRoundsHalfUp() {
        assertThat(CycleKpis.percent(1, 3)).isEqualTo(new BigDecimal("33.3"));
        assertThat(CycleKpis.percent(2, 3)).isEqualTo(new BigDecimal("66.7"));
        assertThat(CycleKpis.percent(1, 8)).isEqualTo(new BigDecimal("12.5"));
        assertThat(CycleKpis.percent(3, 3)).isEqualTo(new BigDecimal("100.0"));
        assertThat(CycleKpis.percent(0, 0)).isNull();
    }
}
