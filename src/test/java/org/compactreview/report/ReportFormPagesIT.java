package org.compactreview.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.compactreview.support.IntegrationTest;
import org.compactreview.support.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Moving in the report form: Save returns to the objective the user was in, the counter and the
 * index are right on load, errors sit beside their fields with a summary linking to them, and the
 * review before submission shows the whole report.
 */
class ReportFormPagesIT extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    ReportService reports;

    long reportId;

    @BeforeEach
    void openCycle() {
        long cycleId = openAnnualReview("form-pages", "EGY").id();
        reportId = reports.list(Users.FP_EGY, cycleId, null).get(0).id();
    }

    @Test
    void saveReturnsToTheObjectiveTheUserWasIn() throws Exception {
        mvc.perform(save().param("anchor", "objective-17"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/reports/" + reportId + "#objective-17"));
    }

    @Test
    void saveWithoutAnAnchorOrWithAForeignOneReturnsToTheTop() throws Exception {
        mvc.perform(save()).andExpect(redirectedUrl("/reports/" + reportId));
        for (String foreign : List.of("objective-99", "//elsewhere.example", "objective-1#x", "comments")) {
            int version = reports.get(reportId, Users.FP_EGY).lockVersion();
            mvc.perform(save(version).param("anchor", foreign)).andExpect(redirectedUrl("/reports/" + reportId));
        }
    }

    @Test
    void counterAndIndexAreRightOnLoad() throws Exception {
        reports.saveDraft(
                reportId,
                Users.FP_EGY,
                0,
                List.of(
                        new ReportEntry(2, 3, null, null, null, false, null),
                        new ReportEntry(9, 0, null, null, null, false, null)));

        String page = page("/reports/" + reportId);

        assertThat(page).contains("2 of 23 objectives rated");
        for (int n = 1; n <= 23; n++) {
            assertThat(page).contains("href=\"#objective-" + n + "\"").contains("id=\"index-" + n + "\"");
        }
        assertThat(page)
                .contains("id=\"skip-to-save\"")
                .contains("data-autosave-url=\"/reports/" + reportId + "/autosave\"");
        assertThat(page).contains("/assets/js/report-form.js");
    }

    @Test
    void errorsAreShownBesideTheirFieldsAndLinkedFromTheSummary() throws Exception {
        String page = mvc.perform(
                        save().param("entries[0].rating", "9").param("entries[0].obstacles", "x".repeat(4001)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("id=\"error-summary\"");
        assertThat(page).contains("href=\"#rating-1\"").contains("href=\"#obstacles-1\"");
        assertThat(page)
                .containsPattern("id=\"rating-1\"[^>]*aria-describedby=\"rating-error-1\"[^>]*aria-invalid=\"true\"")
                .containsPattern(
                        "id=\"obstacles-1\"[^>]*aria-describedby=\"obstacles-error-1\"[^>]*aria-invalid=\"true\"")
                .contains("id=\"obstacles-error-1\"");
        assertThat(page).doesNotContainPattern("id=\"achievements-1\"[^>]*aria-invalid");
        // The refused text stays, and the page knows it is not saved (it warns before leaving).
        assertThat(page).contains("data-unsaved=\"true\"");
    }

    @Test
    void reviewBeforeSubmissionShowsTheWholeReport() throws Exception {
        List<ReportEntry> entries = new ArrayList<>();
        for (int n = 1; n <= 23; n++) {
            entries.add(new ReportEntry(n, n % 5, "Achieved " + n, "Obstacle " + n, "Priority " + n, n == 4, null));
        }
        reports.saveDraft(reportId, Users.FP_EGY, 0, entries);

        String page = page("/reports/" + reportId + "/submit");

        for (int n = 1; n <= 23; n++) {
            assertThat(page)
                    .contains("id=\"review-objective-" + n + "\"")
                    .contains("Achieved " + n + "<")
                    .contains("Obstacle " + n + "<")
                    .contains("Priority " + n + "<");
        }
        assertThat(page)
                .contains("id=\"confirm-submit\"")
                .doesNotContain("<textarea")
                .doesNotContain("<select");
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user(users.loadUserByUsername("fp-egy"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private MockHttpServletRequestBuilder save() {
        return save(0);
    }

    private MockHttpServletRequestBuilder save(int lockVersion) {
        return post("/reports/" + reportId)
                .with(user(users.loadUserByUsername("fp-egy")))
                .with(csrf())
                .param("lockVersion", String.valueOf(lockVersion))
                .param("action", "save")
                .param("entries[0].objective", "1")
                .param("entries[0].achievements", "Typed at version " + lockVersion);
    }
}
