package org.compactreview.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.platform.UiLanguages;
import org.compactreview.report.Report;
import org.compactreview.report.ReportService;
import org.compactreview.support.FormClient;
import org.compactreview.support.IntegrationTest;
import org.compactreview.support.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * Every member state, regional body, UN region and objective has a name of its own in every UI
 * language, and pages, exports and the API show it in the reader's language (docs/i18n-names.md).
 */
class ReferenceNamesIT extends IntegrationTest {

    /** The UI languages, from their one list. */
    private static final List<String> UI_LANGUAGES = UiLanguages.tags();

    /**
     * Member states whose name in the language is spelled as in English, checked one by one against
     * the UN's terminology (UNTERM): Angola is Angola in French and Spanish. Arabic, Chinese and
     * Russian write every name in their own script, so nothing is allowed there. The UN regions are
     * allowed by their codes: Europe is Europe in French, Asia is Asia in Spanish.
     */
    private static final Map<String, Set<String>> SAME_AS_ENGLISH = Map.of(
            "fr",
            Set.of(
                    "AFG", "AGO", "BDI", "BFA", "BGD", "BHS", "BLZ", "BWA", "CAN", "CIV", "COG", "CPV", "CRI", "CUB",
                    "DJI", "FRA", "GAB", "GHA", "GTM", "GUY", "HND", "KAZ", "KEN", "KIR", "LBR", "LIE", "LKA", "LSO",
                    "LUX", "MCO", "MDG", "MDV", "MLI", "MMR", "MOZ", "MWI", "NER", "NGA", "NIC", "NRU", "OMN", "PAK",
                    "PAN", "PHL", "PRT", "PRY", "QAT", "RWA", "SLE", "SLV", "SUR", "SWZ", "SYC", "TGO", "TLS", "TON",
                    "TUR", "TUV", "UKR", "URY", "VNM", "VUT", "WSM", "ZWE", "EUROPE"),
            "es",
            Set.of(
                    "AGO", "ALB", "AND", "ARG", "ARM", "AUS", "AUT", "BDI", "BFA", "BGR", "BHS", "BRB", "BRN", "CHL",
                    "CHN", "CIV", "COG", "COL", "CPV", "CRI", "CUB", "DMA", "ECU", "ERI", "EST", "GEO", "GHA", "GIN",
                    "GMB", "GTM", "GUY", "HND", "IDN", "IND", "ISR", "JAM", "KIR", "KWT", "LBR", "LIE", "LKA", "MDG",
                    "MLI", "MLT", "MMR", "MNE", "MNG", "MOZ", "MRT", "NAM", "NGA", "NIC", "NPL", "NRU", "PRT", "PRY",
                    "SEN", "SLV", "SMR", "SOM", "SRB", "SYC", "TCD", "TGO", "TLS", "TON", "TUR", "TUV", "UGA", "URY",
                    "VNM", "VUT", "WSM", "YEM", "ZMB", "ASIA"));

    @Autowired
    FrameworkCatalog catalog;

    @Autowired
    ReferenceNames names;

    @Autowired
    ReportService reports;

    @Test
    void everyParticipantRegionAndObjectiveHasANameOfItsOwnInEveryUiLanguage() {
        assertThat(ReferenceNames.LANGUAGES).containsExactlyInAnyOrderElementsOf(UI_LANGUAGES);
        List<Participant> english = catalog.participants();
        assertThat(english.stream().filter(p -> p.kind() == ParticipantKind.MEMBER_STATE))
                .hasSize(193);
        assertThat(catalog.objectives()).hasSize(23);
        List<String> failures = new ArrayList<>();
        for (String language : UI_LANGUAGES) {
            Locale locale = Locale.forLanguageTag(language);
            Set<String> allowed = SAME_AS_ENGLISH.getOrDefault(language, Set.of());
            for (Participant base : english) {
                String name =
                        catalog.participant(base.code(), locale).orElseThrow().name();
                check(failures, language, base.code(), name, base.name(), allowed.contains(base.code()));
            }
            List<Objective> objectives = catalog.objectives(locale);
            for (Objective base : catalog.objectives()) {
                Objective named = objectives.get(base.number() - 1);
                check(failures, language, "objective " + base.number(), named.title(), base.title(), false);
            }
            for (String region : catalog.memberStateRegions()) {
                String name = names.region(region, language);
                check(
                        failures,
                        language,
                        "region " + region,
                        name,
                        names.region(region, "en"),
                        allowed.contains(region));
            }
        }
        assertThat(failures).isEmpty();
    }

    private static void check(
            List<String> failures, String language, String what, String name, String english, boolean allowed) {
        if (name == null || name.isBlank()) {
            failures.add(language + " " + what + ": no name");
        } else if (!"en".equals(language) && name.equals(english) && !allowed) {
            failures.add(language + " " + what + ": the English name " + name);
        } else if (name.matches("[A-Z]{3,8}")) {
            failures.add(language + " " + what + ": a code, " + name);
        }
    }

    @Test
    void theUnsOfficialShortNamesWinOverCldrsCommonNames() {
        assertThat(name("RUS", "en")).isEqualTo("Russian Federation");
        assertThat(name("RUS", "fr")).isEqualTo("Fédération de Russie");
        assertThat(name("RUS", "es")).isEqualTo("Federación de Rusia");
        assertThat(name("RUS", "ru")).isEqualTo("Российская Федерация");
        assertThat(name("RUS", "zh")).isEqualTo("俄罗斯联邦");
        assertThat(name("RUS", "ar")).isEqualTo("الاتحاد الروسي");
        assertThat(name("COD", "fr")).isEqualTo("République démocratique du Congo");
        assertThat(name("VEN", "es")).isEqualTo("Venezuela (República Bolivariana de)");
        assertThat(name("TUR", "ru")).isEqualTo("Тюркийе");
        // CLDR where it is the UN's name.
        assertThat(name("EGY", "ar")).isEqualTo("مصر");
        assertThat(name("DEU", "zh")).isEqualTo("德国");
        assertThat(name("JOR", "fr")).isEqualTo("Jordanie");
        // Regional bodies through messages.
        assertThat(name("ECA", "ar")).isEqualTo("اللجنة الاقتصادية لأفريقيا");
        assertThat(name("BUDAPEST", "ru")).isEqualTo("Будапештский процесс");
    }

    @Test
    void outsideARequestNamesStayTheStoredEnglishOnes() {
        // Jobs and mails run outside any request: they keep the stored names.
        assertThat(catalog.participant("EGY").orElseThrow().name()).isEqualTo("Egypt");
        assertThat(catalog.objectives().get(0).title())
                .isEqualTo(
                        "Collect and utilize accurate and disaggregated data as a basis for evidence-based policies");
    }

    @Test
    void participantsAreListedInTheLanguagesOwnAlphabeticalOrder() {
        List<String> french = catalog.participants(Locale.FRENCH).stream()
                .filter(p -> p.kind() == ParticipantKind.MEMBER_STATE)
                .map(Participant::name)
                .toList();
        // "Allemagne" (Germany) comes before "Andorre" in French, far from "Germany" in English.
        assertThat(french.subList(0, 4)).containsExactly("Afghanistan", "Afrique du Sud", "Albanie", "Algérie");
    }

    @Test
    void pagesAndTheApiNameParticipantsAndObjectivesInTheReadersLanguage() {
        ReviewCycle cycle = openAnnualReview("names", "EGY", "JOR");
        Report egypt = reports.list(Users.FP_EGY, cycle.id(), null).get(0);

        FormClient secretariat = new FormClient(http.getRootUri());
        assertThat(secretariat.signIn("secretariat", "demo").statusCode()).isEqualTo(302);
        HttpResponse<String> board = secretariat.get("/cycles/" + cycle.id(), "ar");
        assertThat(board.statusCode()).isEqualTo(200);
        assertThat(board.body()).contains("مصر").contains("الأردن").doesNotContain(">Egypt<");

        FormClient focalPoint = new FormClient(http.getRootUri());
        assertThat(focalPoint.signIn("fp-egy", "demo").statusCode()).isEqualTo(302);
        // Chinese and Russian pages arrive with the colleagues' list of UI languages; the names
        // themselves are checked in every language above.
        HttpResponse<String> form = focalPoint.get("/reports/" + egypt.id(), "fr");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body())
                .contains("Égypte")
                .contains(
                        "Fournir dans les meilleurs délais des informations exactes à toutes les étapes de la migration")
                .doesNotContain("Collect and utilize accurate");
        HttpResponse<String> english = focalPoint.get("/reports/" + egypt.id(), "en");
        assertThat(english.body()).contains("Egypt").contains("Collect and utilize accurate");

        HttpHeaders spanish = new HttpHeaders();
        spanish.set(HttpHeaders.ACCEPT_LANGUAGE, "es");
        String participants = as("secretariat")
                .exchange("/api/v1/participants?region=EUROPE", HttpMethod.GET, new HttpEntity<>(spanish), String.class)
                .getBody();
        assertThat(participants).contains("Federación de Rusia").doesNotContain("Russian Federation");
    }

    private String name(String code, String language) {
        return catalog.participant(code, Locale.forLanguageTag(language))
                .orElseThrow()
                .name();
    }
}
