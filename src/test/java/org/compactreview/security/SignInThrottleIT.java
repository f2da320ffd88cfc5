package org.compactreview.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.compactreview.identity.Role;
import org.compactreview.identity.UserDirectory;
import org.compactreview.identity.UserDraft;
import org.compactreview.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The sign-in throttle slows guessing one username and stops spraying many from one client, but
 * never locks the real user out from their own address; the count is kept in the database; an
 * untrusted client cannot choose its address with X-Forwarded-For.
 */
class SignInThrottleIT extends IntegrationTest {

    private static final String PASSWORD = "the-right-password";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDirectory directory;

    @Test
    void guessesSlowTheGuesserButTheRealUserStillGetsIn() throws Exception {
        String username = newUser();
        String attacker = address();
        String realUser = address();
        for (int i = 0; i < 5; i++) {
            assertThat(basic(username, "guess-" + i, attacker).getStatus()).isEqualTo(401);
        }
        MockHttpServletResponse refused = basic(username, PASSWORD, attacker);
        assertThat(refused.getStatus())
                .as("even the right password waits, from that client")
                .isEqualTo(429);
        assertThat(refused.getContentAsString()).contains("urn:compact-review:problem:too-many-sign-ins");
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 900L);
        assertThat(basic(username, PASSWORD, realUser).getStatus())
                .as("the real user, from their own address")
                .isEqualTo(200);
        assertThat(formSignIn(username, PASSWORD, realUser)).isEqualTo("/");
        assertThat(formSignIn(username, PASSWORD, attacker)).startsWith("/login?throttled=");

        // The wait ends with the window; the engine clock drives it.
        setClock(START.plus(Duration.ofMinutes(16)));
        assertThat(basic(username, PASSWORD, attacker).getStatus()).isEqualTo(200);

        assertThat(auditActions(username))
                .containsSubsequence("SIGN_IN_FAILED", "SIGN_IN_THROTTLED", "SIGNED_IN")
                .filteredOn("SIGN_IN_FAILED"::equals)
                .hasSize(5);
        assertThat(jdbc.sql("select after ->> 'address' from audit_event where action = 'SIGN_IN_THROTTLED'"
                                + " and object_id = ?")
                        .param(username)
                        .query(String.class)
                        .single())
                .isEqualTo(attacker);
    }

    @Test
    void theSignInPageSaysHowLongToWaitInTheUsersLanguage() throws Exception {
        assertThat(loginPage("/login?throttled=12", "en")).contains("Try again in 12 minutes.");
        assertThat(loginPage("/login?throttled=12", "fr")).contains("Réessayez dans 12 minutes.");
        assertThat(loginPage("/login?throttled=%3Cb%3E", "en"))
                .as("anything but a number shows the window")
                .contains("Try again in 15 minutes.")
                .doesNotContain("<b>");
    }

    private String loginPage(String path, String language) throws Exception {
        MockHttpServletResponse page = mvc.perform(get(path).header("Accept-Language", language))
                .andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        page.setCharacterEncoding("UTF-8");
        return page.getContentAsString();
    }

    @Test
    void unknownUsernamesAnswerLikeKnownOnes() throws Exception {
        String known = newUser();
        String unknown = "nobody-" + Long.toString(System.nanoTime(), 36);
        String client = address();
        for (int i = 0; i < 5; i++) {
            assertThat(basic(known, "guess", client).getStatus()).isEqualTo(401);
            assertThat(basic(unknown, "guess", client).getStatus()).isEqualTo(401);
        }
        assertThat(basic(known, "guess", client).getStatus()).isEqualTo(429);
        assertThat(basic(unknown, "guess", client).getStatus()).isEqualTo(429);
    }

    @Test
    void sprayingManyUsernamesFromOneClientIsStopped() throws Exception {
        String username = newUser();
        String sprayer = address();
        for (int i = 0; i < 20; i++) {
            assertThat(formSignIn("spray-" + i + "-" + System.nanoTime(), "Winter2026!", sprayer))
                    .isEqualTo("/login?error");
        }
        assertThat(formSignIn(username, PASSWORD, sprayer))
                .as("the 21st try from that address, even a right one")
                .startsWith("/login?throttled=");
        assertThat(basic(username, PASSWORD, sprayer).getStatus()).isEqualTo(429);
        assertThat(basic(username, PASSWORD, address()).getStatus()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'SIGN_IN_THROTTLED'"
                                + " and object_type = 'address' and object_id = ?")
                        .param(sprayer)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aSuccessClearsTheUsernameCountButNotTheClientCount() throws Exception {
        String username = newUser();
        String client = address();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                assertThat(basic(username, "typo", client).getStatus()).isEqualTo(401);
            }
            assertThat(basic(username, PASSWORD, client).getStatus())
                    .as("four typos, then the right password, round " + round)
                    .isEqualTo(200);
        }
        assertThat(jdbc.sql("select failures from sign_in_throttle where scope = 'CLIENT' and throttle_key = ?")
                        .param(client)
                        .query(Integer.class)
                        .single())
                .isEqualTo(12);
    }

    @Test
    void forwardedForCountsOnlyFromATrustedProxy() throws Exception {
        int port = URI.create(http.getRootUri()).getPort();
        String username = "xff-" + Long.toString(System.nanoTime(), 36);
        // From 127.0.0.2, which is not a trusted proxy: the header is ignored.
        assertThat(rawBasic("127.0.0.2", port, username, "203.0.113.77")).isEqualTo(401);
        // From 127.0.0.1, the default trusted proxy: the header names the client.
        assertThat(rawBasic("127.0.0.1", port, username, "192.0.2.55")).isEqualTo(401);
        assertThat(jdbc.sql("select throttle_key from sign_in_throttle where scope = 'ACCOUNT'"
                                + " and throttle_key like ? order by throttle_key")
                        .param(username + "|%")
                        .query(String.class)
                        .list())
                .containsExactly(username + "|127.0.0.2", username + "|192.0.2.55");
    }

    /** A Basic request sent from a chosen local address, with an X-Forwarded-For header. */
    private static int rawBasic(String from, int port, String username, String forwardedFor) throws Exception {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10_000);
            String credentials =
                    Base64.getEncoder().encodeToString((username + ":wrong").getBytes(StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
                            + "\r\nX-Forwarded-For: " + forwardedFor + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    private MockHttpServletResponse basic(String username, String password, String address) throws Exception {
        return mvc.perform(get("/api/v1/me").with(httpBasic(username, password)).with(from(address)))
                .andReturn()
                .getResponse();
    }

    /** Where the sign-in form sends the browser next. */
    private String formSignIn(String username, String password, String address) throws Exception {
        return mvc.perform(post("/login")
                        .param("username", username)
                        .param("password", password)
                        .with(csrf())
                        .with(from(address)))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
    }

    private List<String> auditActions(String username) {
        return jdbc.sql("select action from audit_event where object_type = 'user' and object_id = ?"
                        + " and action like 'SIGN%' order by id")
                .param(username)
                .query(String.class)
                .list();
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** A client address no other test uses (documentation ranges, RFC 5737). */
    private static String address() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
    }

    private String newUser() {
        String username = "throttled-" + Long.toString(System.nanoTime(), 36);
        directory.create(
                username,
                PASSWORD,
                new UserDraft("Throttled " + username, null, null, true, Set.of(Role.MANAGER), Set.of()));
        return username;
    }
}
