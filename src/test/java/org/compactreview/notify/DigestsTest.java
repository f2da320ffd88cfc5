package org.compactreview.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** When a user's digest is due: their own clock at or past their hour, once per local day. */
class DigestsTest {

    private static DigestRepository.Waiting tokyo(int hour, LocalDate last) {
        return new DigestRepository.Waiting("u", Delivery.DAILY_DIGEST, ZoneId.of("Asia/Tokyo"), hour, last);
    }

    @Test
    void dueOnceTheLocalHourHasCome() {
        assertThat(Digests.due(tokyo(20, null), Instant.parse("2027-01-10T10:59:59Z")))
                .isFalse();
        assertThat(Digests.due(tokyo(20, null), Instant.parse("2027-01-10T11:00:00Z")))
                .isTrue();
    }

    @Test
    void notTwiceOnTheSameLocalDayButAgainTheNext() {
        LocalDate sent = LocalDate.parse("2027-01-10");
        assertThat(Digests.due(tokyo(20, sent), Instant.parse("2027-01-10T14:59:00Z")))
                .isFalse();
        // 15:00 UTC is already the 11th in Tokyo, but before 20:00 there.
        assertThat(Digests.due(tokyo(20, sent), Instant.parse("2027-01-10T15:00:00Z")))
                .isFalse();
        assertThat(Digests.due(tokyo(20, sent), Instant.parse("2027-01-11T11:00:00Z")))
                .isTrue();
    }

    @Test
    void anHourSkippedByDaylightSavingIsReachedJustAfter() {
        // Auckland leaves 02:00 out on 2027-09-26 (clocks go from 02:00 to 03:00, NZST to NZDT).
        var auckland = new DigestRepository.Waiting("u", Delivery.DAILY_DIGEST, ZoneId.of("Pacific/Auckland"), 2, null);
        assertThat(Digests.due(auckland, Instant.parse("2027-09-25T13:59:00Z"))).isFalse(); // 01:59 NZST
        assertThat(Digests.due(auckland, Instant.parse("2027-09-25T14:00:00Z"))).isTrue(); // 03:00 NZDT
    }
}
