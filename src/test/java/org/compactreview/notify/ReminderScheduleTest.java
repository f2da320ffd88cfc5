package org.compactreview.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReminderScheduleTest {

    static final Instant DUE = Instant.parse("2027-03-31T23:59:59Z");
    static final List<Integer> DAYS = List.of(14, 7, 1);

    static Instant daysBefore(long days) {
        return DUE.minus(Duration.ofDays(days));
    }

    @Test
    void theFirstDayReachedIsSentAndTheNextDayIsWhenTheLoopLooksAgain() {
        ReminderSchedule step = ReminderSchedule.of(DAYS, DUE, daysBefore(14), null);
        assertThat(step.sendDays()).isEqualTo(14);
        assertThat(step.nextDays()).isEqualTo(7);
        assertThat(step.nextAt()).isEqualTo(daysBefore(7));
    }

    @Test
    void daysAlreadyPastCollapseIntoTheLatestOne() {
        ReminderSchedule step = ReminderSchedule.of(DAYS, DUE, daysBefore(3), null);
        assertThat(step.sendDays()).isEqualTo(7);
        assertThat(step.nextAt()).isEqualTo(daysBefore(1));
    }

    @Test
    void theLastDayEndsTheLoop() {
        ReminderSchedule step = ReminderSchedule.of(DAYS, DUE, daysBefore(1), 7);
        assertThat(step.sendDays()).isEqualTo(1);
        assertThat(step.more()).isFalse();
    }

    @Test
    void aDayAlreadyRemindedOfIsNotSentAgainWhenTheDueDateMovesLater() {
        Instant movedDue = DUE.plus(Duration.ofDays(10));
        // The loop wakes at the old day 7, the 14-day reminder already sent for the old date.
        ReminderSchedule step = ReminderSchedule.of(DAYS, movedDue, daysBefore(7), 14);
        assertThat(step.sends()).isFalse();
        assertThat(step.nextDays()).isEqualTo(7);
        assertThat(step.nextAt()).isEqualTo(movedDue.minus(Duration.ofDays(7)));
    }

    @Test
    void pastTheDueDateTheSmallestDayIsSentOnceAndTheLoopEnds() {
        ReminderSchedule step = ReminderSchedule.of(DAYS, DUE, DUE.plusSeconds(1), null);
        assertThat(step.sendDays()).isEqualTo(1);
        assertThat(step.more()).isFalse();
        assertThat(ReminderSchedule.of(DAYS, DUE, DUE.plusSeconds(1), 1).sends())
                .isFalse();
    }

    @Test
    void beforeTheFirstDayNothingIsSent() {
        ReminderSchedule step = ReminderSchedule.of(List.of(3), DUE, daysBefore(5), null);
        assertThat(step.sends()).isFalse();
        assertThat(step.nextAt()).isEqualTo(daysBefore(3));
    }
}
