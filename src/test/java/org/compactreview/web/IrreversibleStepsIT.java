package org.compactreview.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.compactreview.capacity.CapacityFilter;
import org.compactreview.capacity.CapacityRequest;
import org.compactreview.capacity.CapacityService;
import org.compactreview.cycle.CycleKind;
import org.compactreview.cycle.CycleService;
import org.compactreview.cycle.MeetingService;
import org.compactreview.cycle.OpenCycleRequest;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.report.Report;
import org.compactreview.report.ReportService;
import org.compactreview.report.ValidationDecision;
import org.compactreview.support.Entries;
import org.compactreview.support.IntegrationTest;
import org.compactreview.support.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 14: irreversible page steps ask first. The post without {@code confirmed=true} answers a
 * confirmation page and changes nothing; the same post confirmed acts. Conference commitments are
 * rows of a form whose participant codes are checked, with the problem beside the field.
 */
class IrreversibleStepsIT extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    CycleService cycles;

    @Autowired
    ReportService reports;

    @Autowired
    MeetingService meetings;

    @Autowired
    CapacityService capacity;

    @Test
    void meetingOutcomesAndDecliningARequestAskFirstAndActOnlyWhenConfirmed() throws Exception {
        ReviewCycle cycle = openAnnualReview("confirm", "EGY");
        Report report = reports.list(Users.FP_EGY, cycle.id(), null).get(0);
        reports.saveDraft(report.id(), Users.FP_EGY, report.lockVersion(), Entries.complete(2, 5));
        reports.submit(report.id(), Users.FP_EGY, null);
        reports.validate(report.id(), Users.SECRETARIAT, ValidationDecision.ACCEPT, null);
        runCycleJobs(cycle.id());
        meetings.prepare(cycle.id(), Users.SECRETARIAT, LocalDate.of(2027, 6, 1), "Agenda");

        String outcomes = "/cycles/" + cycle.id() + "/meeting/outcomes";
        MockHttpServletResponse asked = send(post(outcomes)
                .param("outcomes", "Peer exchange agreed")
                .param("decisions", "First decision\nSecond decision"));
        assertThat(asked.getStatus()).isEqualTo(200);
        assertThat(asked.getContentAsString())
                .contains("id=\"confirm-submit\"")
                .contains("name=\"confirmed\" value=\"true\"")
                .contains("value=\"Peer exchange agreed\"")
                .contains("closes the cycle " + cycle.period());
        assertThat(cycles.get(cycle.id()).meetingOutcomes())
                .as("nothing recorded yet")
                .isNull();
        assertThat(cycles.get(cycle.id()).status().name()).isEqualTo("MEETING_PREPARED");

        MockHttpServletResponse done = send(post(outcomes)
                .param("outcomes", "Peer exchange agreed")
                .param("decisions", "First decision\nSecond decision")
                .param("confirmed", "true"));
        assertThat(done.getStatus()).isEqualTo(302);
        assertThat(cycles.get(cycle.id()).meetingOutcomes()).isEqualTo("Peer exchange agreed");
        assertThat(cycles.get(cycle.id()).meetingDecisions()).hasSize(2);

        CapacityRequest request = capacity.list(Users.SECRETARIAT, CapacityFilter.none()).stream()
                .filter(r -> r.reportId() == report.id())
                .findFirst()
                .orElseThrow();
        runDueJobs(engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey("capacity:" + request.id())
                .singleResult()
                .getId());
        String assessment = "/capacity/" + request.id() + "/assessment";
        MockHttpServletResponse declineAsked =
                send(post(assessment).param("assessment", "DECLINE").param("reason", "Out of scope"));
        assertThat(declineAsked.getContentAsString())
                .contains("id=\"confirm-submit\"")
                .contains("Egypt");
        assertThat(capacity.get(request.id(), Users.SECRETARIAT).stage().name()).isEqualTo("ASSESSMENT");
        send(post(assessment)
                .param("assessment", "DECLINE")
                .param("reason", "Out of scope")
                .param("confirmed", "true"));
        assertThat(capacity.get(request.id(), Users.SECRETARIAT).stage().name()).isEqualTo("DECLINED");
    }

    @Test
    void commitmentsAreRowsWhoseParticipantsAreCheckedBesideTheField() throws Exception {
        ReviewCycle conference = cycles.open(
                new OpenCycleRequest(
                        CycleKind.HIGH_LEVEL_CONFERENCE,
                        uniquePeriod("decl"),
                        List.of("ARCP"),
                        START.plus(40, ChronoUnit.DAYS),
                        null,
                        null,
                        LocalDate.of(2027, 9, 1)),
                Users.SECRETARIAT);
        String adoption = "/conferences/" + conference.id() + "/adoption";
        String form = mvc.perform(get(adoption).with(user(users.loadUserByUsername("secretariat"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(form).contains("id=\"responsible-2\"").doesNotContain("id=\"responsible-3\"");

        String added = send(post(adoption)
                        .param("rows[0].text", "Kept")
                        .param("rows[1].text", "")
                        .param("rows[2].text", "")
                        .param("step", "add-row"))
                .getContentAsString();
        assertThat(added).contains("id=\"responsible-3\"").contains(">Kept</textarea>");

        for (String code : List.of("*", "XYZ")) {
            String refused = send(post(adoption)
                            .param("rows[0].objective", "1")
                            .param("rows[0].text", "Publish statistics")
                            .param("rows[0].responsible", "EGY", code)
                            .param("confirmed", "true"))
                    .getContentAsString();
            assertThat(refused)
                    .as(code)
                    .contains("id=\"responsible-0-error\"")
                    .contains("There is no participant " + code);
        }
        String missing = send(post(adoption)
                        .param("rows[1].text", "No objective")
                        .param("confirmed", "true"))
                .getContentAsString();
        assertThat(missing).contains("id=\"objective-1-error\"");
        String none = send(post(adoption).param("confirmed", "true")).getContentAsString();
        assertThat(none).contains("List at least one commitment");

        String asked = send(post(adoption)
                        .param("rows[0].objective", "1")
                        .param("rows[0].text", "Publish statistics")
                        .param("rows[0].responsible", "EGY", "MAR"))
                .getContentAsString();
        assertThat(asked)
                .contains("id=\"confirm-submit\"")
                .contains("Objective 1: Publish statistics (Egypt, Morocco)")
                .contains("name=\"rows[0].responsible\" value=\"MAR\"");
        assertThat(followUpItems(conference)).as("nothing half-written").isZero();

        String closing = send(post("/conferences/" + conference.id() + "/consultation/close"))
                .getContentAsString();
        assertThat(closing).contains("id=\"confirm-submit\"");
        assertThat(cycles.get(conference.id()).status()).isEqualTo(conference.status());
    }

    private long followUpItems(ReviewCycle conference) {
        return jdbc.sql("select count(*) from follow_up_item where cycle_id = ?")
                .param(conference.id())
                .query(Long.class)
                .single();
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername("secretariat")))
                        .with(csrf()))
                .andReturn()
                .getResponse();
    }
}
