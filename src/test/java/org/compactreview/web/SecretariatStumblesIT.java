package org.compactreview.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.framework.Participant;
import org.compactreview.framework.ParticipantKind;
import org.compactreview.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 14, the secretariat's and managers' stumbles: the report history link works for every
 * staff role (and stays 404 outside a focal point's participants), a cycle opens only for the
 * participants chosen explicitly and confirmed, the validation queue is paged past 50 rows and
 * filtered, and pages name participants and cycles instead of showing their codes.
 */
class SecretariatStumblesIT extends IntegrationTest {

    private static final Pattern ROW = Pattern.compile("<tr data-participant=\"([A-Z]+)\" data-cycle=\"(\\d+)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    FrameworkCatalog framework;

    @Test
    void reportHistoryLinkAnswersEveryStaffRoleAndOnlyTheFocalPointsOwnParticipant() throws Exception {
        ReviewCycle cycle = openAnnualReview("history", "EGY", "JOR");
        long egypt = reportOf(cycle, "EGY");
        String form = page("secretariat", "/reports/" + egypt).getContentAsString();
        assertThat(form).contains("href=\"/reports?participant=EGY\"");
        for (String staff : List.of("secretariat", "manager", "admin")) {
            MockHttpServletResponse history = page(staff, "/reports?participant=EGY");
            assertThat(history.getStatus()).as(staff).isEqualTo(200);
            assertThat(history.getContentAsString())
                    .as(staff)
                    .contains("data-report=\"" + egypt + "\"")
                    .contains("Annual review " + cycle.period())
                    .contains(">Egypt<");
            assertThat(page(staff, "/reports").getStatus())
                    .as(staff + " without a participant: the picker")
                    .isEqualTo(200);
        }
        assertThat(page("fp-egy", "/reports?participant=EGY").getContentAsString())
                .contains("data-report=\"" + egypt + "\"");
        assertThat(page("fp-egy", "/reports?participant=JOR").getStatus()).isEqualTo(404);
        assertThat(page("secretariat", "/reports?participant=NOWHERE").getStatus())
                .isEqualTo(404);
        assertThat(page("contrib-egy", "/reports?participant=EGY").getStatus()).isEqualTo(403);
    }

    @Test
    void openingFormChoosesNothingForTheSecretariat() throws Exception {
        String form = page("secretariat", "/cycles/new").getContentAsString();
        assertThat(form)
                .contains("id=\"scope-all\"")
                .doesNotContainPattern("id=\"scope-[a-z]+\" value=\"[a-z]+\" checked");
        String period = uniquePeriod("noscope");
        MockHttpServletResponse refused = open(period, null, List.of(), List.of("EGY"), false);
        assertThat(refused.getContentAsString()).contains("id=\"scope-error\"").contains("Choose who takes part");
        MockHttpServletResponse noRegion = open(period, "region", List.of(), List.of(), false);
        assertThat(noRegion.getContentAsString()).contains("id=\"regions-error\"");
        assertThat(cyclesWithPeriod(period)).isZero();
    }

    @Test
    void cycleOpensOnlyAfterConfirmationAndForExactlyTheChosenParticipants() throws Exception {
        String period = uniquePeriod("chosen");
        MockHttpServletResponse confirmation = open(period, "chosen", List.of("Europe"), List.of("EGY", "JOR"), false);
        assertThat(confirmation.getStatus()).isEqualTo(200);
        assertThat(confirmation.getContentAsString())
                .contains("2 participants will be asked to report")
                .contains("data-participant=\"EGY\"")
                .contains("data-participant=\"JOR\"")
                .contains("name=\"confirmed\" value=\"true\"");
        assertThat(cyclesWithPeriod(period))
                .as("nothing opens before the confirmation")
                .isZero();

        MockHttpServletResponse opened = open(period, "chosen", List.of("Europe"), List.of("EGY", "JOR"), true);
        assertThat(opened.getStatus()).isEqualTo(302);
        assertThat(cyclesWithPeriod(period)).isOne();
        assertThat(participantsOf(period)).containsExactlyInAnyOrder("EGY", "JOR");
    }

    @Test
    void regionScopeShowsAndOpensTheRegionsMemberStates() throws Exception {
        String region = framework.memberStateRegions().get(0);
        List<String> expected = framework.participants().stream()
                .filter(p -> p.kind() == ParticipantKind.MEMBER_STATE && region.equals(p.region()))
                .map(Participant::code)
                .toList();
        String period = uniquePeriod("region");
        String confirmation =
                open(period, "region", List.of(region), List.of("EGY"), false).getContentAsString();
        assertThat(Pattern.compile("<li class=\"col\" data-participant=")
                        .matcher(confirmation)
                        .results())
                .hasSize(expected.size());
        assertThat(confirmation).contains(expected.size() + " participants will be asked to report");
        open(period, "region", List.of(region), List.of("EGY"), true);
        assertThat(participantsOf(period)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void allMemberStatesIsShownWithItsCountBeforeAnythingOpens() throws Exception {
        String period = uniquePeriod("all");
        String confirmation =
                open(period, "all", List.of(), List.of("EGY"), false).getContentAsString();
        assertThat(confirmation)
                .contains(framework.memberStateCodes().size() + " participants will be asked to report");
        assertThat(cyclesWithPeriod(period)).isZero();
    }

    @Test
    void validationQueueIsPagedFilteredAndSearchedPastFiftyRows() throws Exception {
        List<String> sixty = framework.memberStateCodes().subList(0, 60);
        ReviewCycle cycle = openAnnualReview("queue", sixty.toArray(String[]::new));
        // The queue reads the report table only; submitting 60 reports through the form is what
        // ReportFormIT and the process tests do. Put back afterwards, so other tests' queues are theirs.
        jdbc.sql("update report set status = 'SUBMITTED', submitted_version = 1 where cycle_id = ?")
                .param(cycle.id())
                .update();
        try {
            String first =
                    page("secretariat", "/validation?cycle=" + cycle.id()).getContentAsString();
            assertThat(rows(first)).hasSize(50).allMatch(row -> row.equals(String.valueOf(cycle.id())));
            assertThat(first)
                    .contains("1–50 of 60")
                    .contains("href=\"/validation?cycle=" + cycle.id() + "&amp;page=1\"");
            assertThat(first).contains("Annual review " + cycle.period());
            String second = page("secretariat", "/validation?cycle=" + cycle.id() + "&page=1")
                    .getContentAsString();
            assertThat(rows(second)).hasSize(10);
            assertThat(second).contains("51–60 of 60");

            Participant someone = framework.participant(sixty.get(42)).orElseThrow();
            String searched = page(
                            "secretariat",
                            "/validation?cycle=" + cycle.id() + "&q="
                                    + java.net.URLEncoder.encode(
                                            someone.name().toUpperCase(java.util.Locale.ROOT),
                                            java.nio.charset.StandardCharsets.UTF_8))
                    .getContentAsString();
            assertThat(searched)
                    .contains("data-participant=\"" + someone.code() + "\"")
                    .contains("of " + named(sixty, someone.name()));
            assertThat(rows(searched)).hasSize((int) named(sixty, someone.name()));

            String region = someone.region();
            long inRegion = sixty.stream()
                    .filter(code -> region.equals(
                            framework.participant(code).orElseThrow().region()))
                    .count();
            String filtered = page("secretariat", "/validation?cycle=" + cycle.id() + "&region=" + region)
                    .getContentAsString();
            assertThat(filtered).contains("of " + inRegion);
            assertThat(page("secretariat", "/validation?q=" + "x".repeat(101)).getStatus())
                    .isEqualTo(400);
        } finally {
            jdbc.sql("update report set status = 'DRAFT', submitted_version = 0 where cycle_id = ?")
                    .param(cycle.id())
                    .update();
        }
    }

    @Test
    void cycleListIsPagedAndSearchedByPeriodAndFilteredByKind() throws Exception {
        String prefix = "lst" + Long.toString(System.nanoTime(), 36);
        for (int i = 0; i < 52; i++) {
            openAnnualReview(prefix, "EGY");
        }
        String first = page("secretariat", "/cycles?q=" + prefix).getContentAsString();
        assertThat(Pattern.compile("<tr data-cycle=").matcher(first).results()).hasSize(50);
        assertThat(first).contains("1–50 of 52").contains("Annual review " + prefix + "-");
        String second = page("secretariat", "/cycles?q=" + prefix.toUpperCase(java.util.Locale.ROOT) + "&page=1")
                .getContentAsString();
        assertThat(Pattern.compile("<tr data-cycle=").matcher(second).results()).hasSize(2);
        assertThat(page("secretariat", "/cycles?q=" + prefix + "&kind=HIGH_LEVEL_CONFERENCE")
                        .getContentAsString())
                .contains("Nothing to show");
        assertThat(page("manager", "/cycles?q=" + prefix + "&status=OPEN&kind=ANNUAL_REVIEW")
                        .getContentAsString())
                .contains("1–50 of 52");
    }

    @Test
    void capacityRequestsArePagedAndSearchedByParticipantName() throws Exception {
        List<String> codes = framework.memberStateCodes().subList(60, 115);
        ReviewCycle cycle = openAnnualReview("caplist", codes.toArray(String[]::new));
        // Requests as the process raises them after acceptance; only the list is under test here.
        jdbc.sql(
                        """
                        insert into capacity_request (participant_code, objective_number, cycle_id, report_id, priorities,
                                                      stage, created_at, updated_at)
                        select participant_code, 23, cycle_id, id, 'Listed', 'ASSESSMENT', now(), now()
                        from report where cycle_id = ?
                        """)
                .param(cycle.id())
                .update();
        try {
            String first = page("secretariat", "/capacity?objective=23&stage=ASSESSMENT")
                    .getContentAsString();
            assertThat(Pattern.compile("<tr data-request=").matcher(first).results())
                    .hasSize(50);
            assertThat(first).contains("1–50 of 55").contains("objective=23&amp;stage=ASSESSMENT&amp;page=1");
            String second = page("secretariat", "/capacity?objective=23&stage=ASSESSMENT&page=1")
                    .getContentAsString();
            assertThat(Pattern.compile("<tr data-request=").matcher(second).results())
                    .hasSize(5);
            Participant someone = framework.participant(codes.get(7)).orElseThrow();
            String searched = page(
                            "secretariat",
                            "/capacity?objective=23&q="
                                    + java.net.URLEncoder.encode(
                                            someone.name(), java.nio.charset.StandardCharsets.UTF_8))
                    .getContentAsString();
            assertThat(searched)
                    .contains("of " + named(codes, someone.name()))
                    .contains(">" + someone.code() + "</bdi>");
        } finally {
            jdbc.sql("delete from capacity_request where cycle_id = ?")
                    .param(cycle.id())
                    .update();
        }
    }

    /** How many of the participants have a name containing this one (Niger, Nigeria). */
    private long named(List<String> codes, String name) {
        return codes.stream()
                .filter(code -> framework
                        .participant(code)
                        .orElseThrow()
                        .name()
                        .toLowerCase(java.util.Locale.ROOT)
                        .contains(name.toLowerCase(java.util.Locale.ROOT)))
                .count();
    }

    private List<String> rows(String html) {
        Matcher matcher = ROW.matcher(html);
        return matcher.results().map(r -> r.group(2)).toList();
    }

    private MockHttpServletResponse open(
            String period, String scope, List<String> regions, List<String> participants, boolean confirmed)
            throws Exception {
        MockHttpServletRequestBuilder request = post("/cycles/new")
                .with(user(users.loadUserByUsername("secretariat")))
                .with(csrf())
                .param("period", period)
                .param("due", "2027-03-31");
        if (scope != null) {
            request.param("scope", scope);
        }
        regions.forEach(r -> request.param("regions", r));
        participants.forEach(p -> request.param("participants", p));
        if (confirmed) {
            request.param("confirmed", "true");
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private MockHttpServletResponse page(String username, String path) throws Exception {
        return mvc.perform(get(path).with(user(users.loadUserByUsername(username))))
                .andReturn()
                .getResponse();
    }

    private long reportOf(ReviewCycle cycle, String participant) {
        return jdbc.sql("select id from report where cycle_id = ? and participant_code = ?")
                .params(cycle.id(), participant)
                .query(Long.class)
                .single();
    }

    private long cyclesWithPeriod(String period) {
        return jdbc.sql("select count(*) from review_cycle where period = ?")
                .param(period)
                .query(Long.class)
                .single();
    }

    private List<String> participantsOf(String period) {
        return jdbc.sql(
                        "select r.participant_code from report r join review_cycle c on c.id = r.cycle_id where c.period = ?")
                .param(period)
                .query(String.class)
                .list();
    }
}
