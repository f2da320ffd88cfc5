package org.compactreview.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.temporal.ChronoUnit;
import java.util.List;
import org.compactreview.cycle.CycleKind;
import org.compactreview.cycle.CycleService;
import org.compactreview.cycle.OpenCycleRequest;
import org.compactreview.support.IntegrationTest;
import org.compactreview.support.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The report form keeps what the user typed when a check fails, with the message beside the field. */
class ReportFormIT extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    CycleService cycles;

    @Autowired
    ReportService reports;

    long reportId;

    @BeforeEach
    void openCycle() {
        long cycleId = cycles.open(
                        new OpenCycleRequest(
                                CycleKind.ANNUAL_REVIEW,
                                uniquePeriod("form"),
                                List.of("EGY"),
                                START.plus(30, ChronoUnit.DAYS),
                                null,
                                null),
                        Users.SECRETARIAT)
                .id();
        reportId = reports.list(Users.FP_EGY, cycleId, null).get(0).id();
    }

    @Test
    void invalidRatingIsShownBesideTheFieldAndTheTypedTextIsKept() throws Exception {
        String page = mvc.perform(save(0).param("entries[0].rating", "9"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"rating-error-1\"").contains("The rating must be between 0 and 4.");
        assertThat(page).contains("Typed by the focal point");
        assertThat(reports.get(reportId, Users.FP_EGY).lockVersion()).isZero();
    }

    @Test
    void staleSaveTellsTheUserAndKeepsTheirText() throws Exception {
        mvc.perform(save(0).param("entries[0].rating", "2")).andExpect(status().is3xxRedirection());
        String page = mvc.perform(save(0).param("entries[0].rating", "3"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"form-error\"").contains("was changed by fp-egy");
        assertThat(page).contains("Typed by the focal point");
        assertThat(reports.get(reportId, Users.FP_EGY).entries().get(0).rating())
                .isEqualTo(2);
    }

    @Test
    void pagesOutsideTheUsersScopeAnswerNotFoundInTheirLanguage() throws Exception {
        // fp-mar never chose a language, so the browser's Accept-Language decides.
        String page = mvc.perform(get("/reports/" + reportId)
                        .header("Accept-Language", "fr")
                        .with(user(users.loadUserByUsername("fp-mar"))))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("lang=\"fr\"").doesNotContain("Exception").doesNotContain("at org.");
        assertThat(page).doesNotContain("Not found");
    }

    private MockHttpServletRequestBuilder save(int lockVersion) {
        return post("/reports/" + reportId)
                .with(user(users.loadUserByUsername("fp-egy")))
                .with(csrf())
                .param("lockVersion", String.valueOf(lockVersion))
                .param("action", "save")
                .param("entries[0].objective", "1")
                .param("entries[0].achievements", "Typed by the focal point");
    }
}
