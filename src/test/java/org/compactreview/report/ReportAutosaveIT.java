package org.compactreview.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;
import org.compactreview.support.IntegrationTest;
import org.compactreview.support.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The report form's autosave saves like "Save draft" (per-section stale check, audit of changed
 * entries only) and never overwrites a newer save: a stale one answers 409 and writes nothing.
 */
class ReportAutosaveIT extends IntegrationTest {

    /** Another focal point of Egypt, editing the same report in another office. */
    static final CurrentUser COLLEAGUE = new CurrentUser("fp-egy-colleague", Set.of(Role.FOCAL_POINT), Set.of("EGY"));

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    ReportService reports;

    long reportId;

    @BeforeEach
    void openCycle() {
        long cycleId = openAnnualReview("autosave", "EGY").id();
        reportId = reports.list(Users.FP_EGY, cycleId, null).get(0).id();
    }

    @Test
    void freshAutosaveSavesAndAnswersTheNewVersionForThePageToKeep() throws Exception {
        String answer = mvc.perform(autosave("fp-egy", 0, "Typed, then paused"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(answer).contains("data-lock-version=\"1\"").contains("Draft saved automatically at");
        Report saved = reports.get(reportId, Users.FP_EGY);
        assertThat(saved.lockVersion()).isEqualTo(1);
        assertThat(saved.entries().get(0).achievements()).isEqualTo("Typed, then paused");
        assertThat(draftSavedEvents()).isEqualTo(1);
    }

    @Test
    void staleAutosaveIsRefusedAndTheColleaguesNewerSaveIsKept() throws Exception {
        // The page was opened at version 0; meanwhile a colleague saved objective 1.
        reports.saveDraft(reportId, COLLEAGUE, 0, List.of(entry(1, "The colleague's newer text")));

        String answer = mvc.perform(autosave("fp-egy", 0, "An old page's text"))
                .andExpect(status().isConflict())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(answer).contains("fp-egy-colleague saved a newer version").doesNotContain("data-lock-version");
        Report kept = reports.get(reportId, Users.FP_EGY);
        assertThat(kept.entries().get(0).achievements()).isEqualTo("The colleague's newer text");
        assertThat(kept.lockVersion()).isEqualTo(1);
        assertThat(draftSavedEvents()).isEqualTo(1);
    }

    @Test
    void autosaveOfAnotherSectionFromAnOlderVersionKeepsBothTexts() throws Exception {
        reports.saveDraft(reportId, COLLEAGUE, 0, List.of(entry(2, "The colleague's objective 2")));

        mvc.perform(autosave("fp-egy", 0, "My objective 1")).andExpect(status().isOk());

        Report both = reports.get(reportId, Users.FP_EGY);
        assertThat(both.entries().get(0).achievements()).isEqualTo("My objective 1");
        assertThat(both.entries().get(1).achievements()).isEqualTo("The colleague's objective 2");
    }

    @Test
    void autosavesWithNothingNewWriteNoVersionAndNoAuditEvent() throws Exception {
        mvc.perform(autosave("fp-egy", 0, "Once")).andExpect(status().isOk());
        // The page keeps version 1 and sends the same text again (a change event without a change).
        String again = mvc.perform(autosave("fp-egy", 1, "Once"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(again).contains("data-lock-version=\"1\"");
        assertThat(reports.get(reportId, Users.FP_EGY).lockVersion()).isEqualTo(1);
        assertThat(draftSavedEvents()).isEqualTo(1);
    }

    @Test
    void twoPagesAutosavingTheSameSectionAtOnceSaveOneAndRefuseTheOther() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> first = () -> perform(autosave("fp-egy", 0, "First page"));
            Callable<Integer> second = () -> perform(autosave("fp-egy", 0, "Second page"));
            List<Future<Integer>> answers = pool.invokeAll(List.of(first, second));
            List<Integer> statuses =
                    List.of(answers.get(0).get(), answers.get(1).get());
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdown();
        }
        Report saved = reports.get(reportId, Users.FP_EGY);
        assertThat(saved.lockVersion()).isEqualTo(1);
        assertThat(saved.entries().get(0).achievements()).isIn("First page", "Second page");
        assertThat(draftSavedEvents()).isEqualTo(1);
    }

    @Test
    void outsidersAutosaveAnswersNotFoundAndWritesNothing() throws Exception {
        mvc.perform(autosave("fp-mar", 0, "Not mine")).andExpect(status().isNotFound());
        assertThat(reports.get(reportId, Users.FP_EGY).lockVersion()).isZero();
    }

    @Test
    void autosaveOfASubmittedReportIsRefusedWithTheReason() throws Exception {
        reports.saveDraft(reportId, Users.FP_EGY, 0, org.compactreview.support.Entries.complete(2, 4));
        reports.submit(reportId, Users.FP_EGY, null);
        int version = reports.get(reportId, Users.FP_EGY).lockVersion();

        mvc.perform(autosave("fp-egy", version, "After submission")).andExpect(status().isConflict());
        assertThat(reports.get(reportId, Users.FP_EGY).entries().get(0).achievements())
                .isNotEqualTo("After submission");
    }

    private int perform(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        return result.getResponse().getStatus();
    }

    /** The form as the page's script posts it: objective 1's text changed, from a page holding {@code lockVersion}. */
    private MockHttpServletRequestBuilder autosave(String username, int lockVersion, String text) {
        return post("/reports/" + reportId + "/autosave")
                .with(user(users.loadUserByUsername(username)))
                .with(csrf())
                .param("lockVersion", String.valueOf(lockVersion))
                .param("entries[0].objective", "1")
                .param("entries[0].achievements", text);
    }

    private long draftSavedEvents() {
        return jdbc.sql("select count(*) from audit_event where action = 'REPORT_DRAFT_SAVED' and object_id = ?")
                .param(String.valueOf(reportId))
                .query(Long.class)
                .single();
    }

    private static ReportEntry entry(int objective, String achievements) {
        return new ReportEntry(objective, null, achievements, null, null, false, null);
    }
}
