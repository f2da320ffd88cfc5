package org.compactreview.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Where a name comes from, and what a participant without a translation is called. */
class ReferenceNamesTest {

    private final ReferenceNames names = new ReferenceNames(messages());

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aStateTheJdkDoesNotKnowKeepsItsStoredName() {
        Participant generated =
                new Participant("GEN-00001", "Generated member state 1", ParticipantKind.MEMBER_STATE, null);
        Participant unknown = new Participant("XYZ", "Nowhere", ParticipantKind.MEMBER_STATE, "ASIA");
        assertThat(names.participant(generated, "ar")).isEqualTo("Generated member state 1");
        assertThat(names.participant(unknown, "zh")).isEqualTo("Nowhere");
    }

    @Test
    void aBodyWithoutAMessageKeepsItsStoredName() {
        Participant body = new Participant("NEWRCP", "A new process", ParticipantKind.REGIONAL_PROCESS, null);
        assertThat(names.participant(body, "fr")).isEqualTo("A new process");
    }

    @Test
    void englishIsTheStoredNameAndCldrOrTheUnsNameTheOthers() {
        Participant egypt = new Participant("EGY", "Egypt", ParticipantKind.MEMBER_STATE, "AFRICA");
        Participant vietNam = new Participant("VNM", "Viet Nam", ParticipantKind.MEMBER_STATE, "ASIA");
        assertThat(names.participant(egypt, "en")).isEqualTo("Egypt");
        assertThat(names.participant(egypt, "ru")).isEqualTo("Египет");
        assertThat(names.participant(vietNam, "fr")).isEqualTo("Viet Nam");
        assertThat(names.participant(vietNam, "es")).isEqualTo("Viet Nam");
        assertThat(names.participant(vietNam, "zh")).isEqualTo("越南");
        Objective data = new Objective(1, "Data", "Collect and utilize accurate data", List.of());
        assertThat(names.objectiveTitle(data, "en")).isEqualTo("Collect and utilize accurate data");
        assertThat(names.objectiveTitle(data, "es"))
                .isEqualTo(
                        "Recopilar y utilizar datos exactos y desglosados para formular políticas con base empírica");
        assertThat(names.region("OCEANIA", "ru")).isEqualTo("Океания");
    }

    @Test
    void theLanguageIsTheRequestsWhenItIsAUiLanguageAndEnglishOtherwise() {
        assertThat(ReferenceNames.currentLanguage()).as("outside a request").isEqualTo("en");
        LocaleContextHolder.setLocale(Locale.forLanguageTag("ar-EG"));
        assertThat(ReferenceNames.currentLanguage()).isEqualTo("ar");
        LocaleContextHolder.setLocale(Locale.GERMAN);
        assertThat(ReferenceNames.currentLanguage()).isEqualTo("en");
    }

    /** The application's messages, configured as application.yml configures them. */
    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
        return messages;
    }
}
