package org.compactreview.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BidiTest {

    private final Bidi bidi = new Bidi();

    @Test
    void aValueIsWrappedInFirstStrongIsolateAndItsPop() {
        assertThat(bidi.isolate("EGY")).isEqualTo("\u2068EGY\u2069");
        assertThat(bidi.isolate(2027)).isEqualTo("\u20682027\u2069");
    }

    @Test
    void nothingIsolatesToNothing() {
        assertThat(bidi.isolate(null)).isEmpty();
    }
}
