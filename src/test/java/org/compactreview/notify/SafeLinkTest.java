package org.compactreview.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A notice opens a path of this app, never another site (no open redirect). */
class SafeLinkTest {

    @ParameterizedTest
    @ValueSource(strings = {"/reports/12", "/tasks/abc-1/discussion", "/inbox?n=3", "/reports/12#objective-4"})
    void appPathsAreFollowed(String link) {
        assertThat(UserNotices.safeLink(link)).isEqualTo(link);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "/",
                "//evil.example/x",
                "/\\evil.example",
                "https://evil.example",
                "javascript:alert(1)",
                "reports/12",
                "/reports/12\r\nSet-Cookie: x=1",
                "/reports /12",
                " /reports/12"
            })
    void anythingElseOpensTheInbox(String link) {
        assertThat(UserNotices.safeLink(link)).isEqualTo(UserNotices.FALLBACK_LINK);
    }
}
