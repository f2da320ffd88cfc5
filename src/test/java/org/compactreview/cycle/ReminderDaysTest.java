package org.compactreview.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReminderDaysTest {

    @Test
    void readsTheFormsTextLargestFirst() {
        assertThat(ReminderDays.parse("1, 14, 7")).contains(List.of(14, 7, 1));
        assertThat(ReminderDays.parse(" 3 ")).contains(List.of(3));
        assertThat(ReminderDays.parse("10;2 5")).contains(List.of(10, 5, 2));
        // Arabic-Indic digits and the Arabic comma, Chinese commas
        assertThat(ReminderDays.parse("١٤، ٧")).contains(List.of(14, 7));
        assertThat(ReminderDays.parse("14，7、1")).contains(List.of(14, 7, 1));
    }

    @Test
    void refusesWhatBreaksARule() {
        for (String text : List.of("", "  ", "0", "91", "7, 7", "1,2,3,4,5,6", "seven", "-3", "1.5", "1000")) {
            assertThat(ReminderDays.parse(text)).as(text).isEmpty();
        }
        assertThat(ReminderDays.valid(null)).isFalse();
        assertThat(ReminderDays.valid(List.of())).isFalse();
        assertThat(ReminderDays.valid(Arrays.asList(3, null))).isFalse();
        assertThat(ReminderDays.valid(List.of(90, 1, 2, 3, 4))).isTrue();
    }

    @Test
    void formatsAsTheFormShowsThem() {
        assertThat(ReminderDays.format(List.of(14, 7, 1))).isEqualTo("14, 7, 1");
        assertThat(ReminderDays.format(null)).isEmpty();
    }
}
