package org.compactreview.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.compactreview.identity.Role;
import org.compactreview.identity.UserDirectory;
import org.compactreview.identity.UserDraft;
import org.compactreview.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Each page against each role: the expected answer is in the table; a page a role may not use
 * answers 403, and nobody signed out gets further than the sign-in page. (Camunda's webapps are
 * checked over real HTTP in SecurityIT.)
 */
class PageAccessIT extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AppUserDetailsService users;

    @Autowired
    UserDirectory directory;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    static Stream<Arguments> pages() {
        // page, focal point, secretariat, manager, admin
        return Stream.of(
                Arguments.of("/inbox", 200, 200, 200, 200),
                // Report history (issue 14): every staff role, with a participant picker; a focal point its own.
                Arguments.of("/reports", 200, 200, 200, 200),
                Arguments.of("/reports?participant=JOR", 404, 200, 200, 200),
                Arguments.of("/reports?participant=NOWHERE", 404, 404, 404, 404),
                Arguments.of("/cycles", 403, 200, 200, 200),
                Arguments.of("/cycles/new", 403, 200, 403, 403),
                // The cycles overview (issue 13): the secretariat and managers follow the cycles up.
                Arguments.of("/cycles/overview", 403, 200, 200, 403),
                // Benchmarking (issue 13): the secretariat and managers, like the cycles overview.
                Arguments.of("/benchmarking", 403, 200, 200, 403),
                Arguments.of("/benchmarking/participants/EGY", 403, 200, 200, 403),
                Arguments.of("/benchmarking/regions/NOWHERE", 403, 404, 404, 403),
                Arguments.of(
                        "/benchmarking/participants/EGY/tables/benchmarking-profile/export?format=csv",
                        403,
                        200,
                        200,
                        403),
                Arguments.of(
                        "/benchmarking/participants/EGY/tables/no-such-table/export?format=csv", 403, 404, 404, 403),
                Arguments.of(
                        "/benchmarking/cycles/999999/tables/benchmarking-distribution/export?format=pdf",
                        403,
                        404,
                        404,
                        403),
                Arguments.of("/validation", 403, 200, 403, 403),
                Arguments.of("/team", 403, 200, 200, 403),
                Arguments.of("/workload", 403, 200, 200, 403),
                Arguments.of("/admin/users", 403, 403, 403, 200),
                Arguments.of("/admin/users/new", 403, 403, 403, 200),
                Arguments.of("/capacity", 200, 200, 200, 200),
                Arguments.of("/practices", 200, 200, 200, 200),
                Arguments.of("/dialogue", 200, 200, 200, 200),
                Arguments.of("/conferences/new", 403, 200, 403, 403),
                Arguments.of("/audit", 403, 200, 200, 200),
                Arguments.of("/audit/export.csv", 403, 200, 200, 200),
                // A user's history is the administrators' (404 to others, like any object out of reach).
                Arguments.of("/history/user/fp-jor", 404, 404, 404, 200),
                Arguments.of("/history/cycle/999999", 404, 200, 200, 200),
                // Out of office (issue 12): one's own page for everyone, anyone's for managers and admins.
                Arguments.of("/account/absences", 200, 200, 200, 200),
                // The calendar feed page (issue 15): every signed-in user's own.
                Arguments.of("/calendar", 200, 200, 200, 200),
                Arguments.of("/users/fp-jor/absences", 403, 403, 200, 200),
                // Notification settings (issue 15): one's own page for everyone.
                Arguments.of("/notifications/settings", 200, 200, 200, 200),
                Arguments.of("/my-sections", 403, 403, 403, 403),
                // Live process view (issue 13): secretariat and managers; an unknown cycle is 404.
                // The board grid (issue 13): the staff roles; an unknown cycle is 404, a search too long 400.
                Arguments.of("/cycles/999999", 403, 404, 404, 404),
                Arguments.of("/cycles/999999?q=" + "x".repeat(101), 403, 400, 400, 400),
                Arguments.of("/cycles/999999/process", 403, 404, 404, 403),
                Arguments.of("/cycles/999999/process/Task_SubmitReport", 403, 404, 404, 403),
                // Exports (issue 13): the cycle's tables for secretariat, managers and admins; a
                // report's printout and PDF as the report itself (404 out of reach or unknown).
                Arguments.of("/cycles/999999/export/status?format=csv", 403, 404, 404, 404),
                Arguments.of("/cycles/999999/export/summary?format=pdf", 403, 404, 404, 404),
                Arguments.of("/reports/999999/print", 404, 404, 404, 404),
                Arguments.of("/reports/999999/pdf", 404, 404, 404, 404),
                Arguments.of("/reports/999999/export?format=xlsx", 404, 404, 404, 404));
    }

    /** Actuator (issue 13): the administrators', except the open health check; signed out is 401, not a redirect. */
    static Stream<Arguments> actuatorEndpoints() {
        // endpoint, focal point, secretariat, manager, admin, signed out
        return Stream.of(
                Arguments.of("/actuator/health", 200, 200, 200, 200, 200),
                Arguments.of("/actuator/health/liveness", 200, 200, 200, 200, 200),
                Arguments.of("/actuator/info", 403, 403, 403, 200, 401),
                Arguments.of("/actuator/metrics", 403, 403, 403, 200, 401),
                Arguments.of("/actuator/prometheus", 403, 403, 403, 200, 401),
                Arguments.of("/actuator", 403, 403, 403, 200, 401));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actuatorEndpoints")
    void actuatorAnswersEachRoleAsTheTableSays(
            String endpoint, int focalPoint, int secretariat, int manager, int admin, int signedOut) throws Exception {
        expect(endpoint, "fp-egy", focalPoint);
        expect(endpoint, "secretariat", secretariat);
        expect(endpoint, "manager", manager);
        expect(endpoint, "admin", admin);
        expect(endpoint, "contrib-egy", focalPoint);
        mvc.perform(get(endpoint)).andExpect(status().is(signedOut));
    }

    /**
     * A contributor (contrib-egy, a demo user) reaches its own "My sections" and the pages whose
     * lists are scoped to the caller (empty for it); every role's page of its own answers 403.
     */
    static Stream<Arguments> contributorPages() {
        return Stream.of(
                Arguments.of("/my-sections", 200),
                Arguments.of("/inbox", 200),
                Arguments.of("/calendar", 200),
                Arguments.of("/capacity", 200),
                Arguments.of("/reports", 403),
                Arguments.of("/cycles", 403),
                Arguments.of("/cycles/new", 403),
                Arguments.of("/cycles/overview", 403),
                Arguments.of("/benchmarking", 403),
                Arguments.of("/validation", 403),
                Arguments.of("/team", 403),
                Arguments.of("/admin/users", 403),
                Arguments.of("/conferences/new", 403));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contributorPages")
    void contributorReachesOnlyItsOwnPages(String page, int expected) throws Exception {
        expect(page, "contrib-egy", expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void pageAnswersEachRoleAsTheTableSays(String page, int focalPoint, int secretariat, int manager, int admin)
            throws Exception {
        expect(page, "fp-egy", focalPoint);
        expect(page, "secretariat", secretariat);
        expect(page, "manager", manager);
        expect(page, "admin", admin);
        mvc.perform(get(page)).andExpect(status().is3xxRedirection());
    }

    /**
     * The calendar feed (issue 15) is open without a session, for calendar apps: the token in the
     * address decides, so a token that is no live feed's answers 404 to every role and signed out
     * alike (never the sign-in page, never 403). The live token's answers: notify/CalendarFeedIT.
     */
    @Test
    void theCalendarFeedAnswersByItsTokenAloneNotBySession() throws Exception {
        String feed = "/calendar/" + "x".repeat(43) + ".ics";
        mvc.perform(get(feed)).andExpect(status().isNotFound());
        for (String username : List.of("fp-egy", "secretariat", "manager", "admin", "contrib-egy")) {
            mvc.perform(get(feed).with(user(users.loadUserByUsername(username))))
                    .andExpect(status().isNotFound());
        }
    }

    /**
     * Our own static files answer under /assets/ to anyone (the sign-in page needs its styles), with
     * nothing at the old root paths: the resource chain resolves links only under /assets/, so the
     * links to pages are not looked up as files (docs/performance.md, secretariat pages).
     */
    @Test
    void staticFilesAnswerUnderAssetsOnly() throws Exception {
        mvc.perform(get("/assets/css/app.css"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/css"));
        mvc.perform(get("/assets/js/benchmarking-charts.js")).andExpect(status().isOk());
        mvc.perform(get("/css/app.css").with(user(users.loadUserByUsername("secretariat"))))
                .andExpect(status().isNotFound());
    }

    /**
     * Every state-changing page action (every POST, PUT, PATCH or DELETE handler outside the API),
     * found in the running app's mappings, refuses a request without its CSRF token with 403. The
     * same request with the token is not refused, so it is the CSRF check that refuses: the user
     * holds every role.
     */
    @Test
    void everyStateChangingPageNeedsItsCsrfToken() throws Exception {
        directory.ensureExists(
                "csrf-sweep",
                "csrf-sweep-password",
                new UserDraft(
                        "Every role",
                        null,
                        null,
                        true,
                        Set.of(Role.FOCAL_POINT, Role.SECRETARIAT, Role.MANAGER, Role.ADMIN),
                        Set.of("EGY")));
        var everyRole = user(users.loadUserByUsername("csrf-sweep"));
        List<String> actions = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (methods.stream().anyMatch(method -> method != RequestMethod.GET)) {
                info.getPatternValues().stream()
                        .filter(pattern -> !pattern.startsWith("/api/"))
                        .forEach(pattern -> methods.forEach(method -> actions.add(method + " " + pattern)));
            }
        });
        assertThat(actions).as("page actions found").hasSizeGreaterThan(20);
        assertThat(actions).containsAll(WITHOUT_CSRF);
        for (String action : actions) {
            String[] parts = action.split(" ");
            String path = parts[1].replaceAll("\\{[^}]+}", "999999");
            HttpMethod method = HttpMethod.valueOf(parts[0]);
            if (WITHOUT_CSRF.contains(action)) {
                // Reached without a token (an unknown link: 404), not refused by the CSRF check.
                mvc.perform(request(method, path)).andExpect(status().isNotFound());
                continue;
            }
            mvc.perform(request(method, path).with(everyRole)).andExpect(status().isForbidden());
            int withToken = mvc.perform(request(method, path).with(everyRole).with(csrf()))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            assertThat(withToken).as(action + " with its token").isNotEqualTo(403);
        }
    }

    /**
     * The one page action taken without a form token: a mail's unsubscribe link, whose RFC 8058
     * one-click post comes from the recipient's mail client (the link's own token is the key, and
     * it only turns reminders off).
     */
    private static final Set<String> WITHOUT_CSRF = Set.of("POST /notifications/unsubscribe/{token}");

    private void expect(String page, String username, int expected) throws Exception {
        mvc.perform(get(page).with(user(users.loadUserByUsername(username)))).andExpect(status().is(expected));
    }
}
