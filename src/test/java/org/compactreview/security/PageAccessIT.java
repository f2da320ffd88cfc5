package org.compactreview.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.stream.Stream;
import org.compactreview.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

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

    static Stream<Arguments> pages() {
        // page, focal point, secretariat, manager, admin
        return Stream.of(
                Arguments.of("/inbox", 200, 200, 200, 200),
                Arguments.of("/reports", 200, 403, 403, 403),
                Arguments.of("/cycles", 403, 200, 200, 200),
                Arguments.of("/cycles/new", 403, 200, 403, 403),
                Arguments.of("/validation", 403, 200, 403, 403),
                Arguments.of("/team", 403, 200, 200, 403),
                Arguments.of("/admin/users", 403, 403, 403, 200),
                Arguments.of("/admin/users/new", 403, 403, 403, 200),
                Arguments.of("/capacity", 200, 200, 200, 200),
                Arguments.of("/practices", 200, 200, 200, 200),
                Arguments.of("/conferences/new", 403, 200, 403, 403));
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

    private void expect(String page, String username, int expected) throws Exception {
        mvc.perform(get(page).with(user(users.loadUserByUsername(username)))).andExpect(status().is(expected));
    }
}
