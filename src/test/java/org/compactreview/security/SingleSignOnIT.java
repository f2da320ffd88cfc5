package org.compactreview.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.compactreview.identity.Role;
import org.compactreview.identity.UserDirectory;
import org.compactreview.identity.UserDraft;
import org.compactreview.support.Browser;
import org.compactreview.support.IntegrationTest;
import org.compactreview.support.OidcProvider;
import org.compactreview.support.OidcProvider.Account;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Single sign-on against a real OpenID Connect provider, through the browser: the sign-in page's
 * link, the provider's own sign-in and consent pages, and back signed in as the matched user of
 * ours, or refused with a clear page; every sign-in and refusal in the audit trail.
 */
class SingleSignOnIT extends IntegrationTest {

    @LocalServerPort
    private int port;

    @Autowired
    private MockMvc mvc;

    @Autowired
    private MessageSource messages;

    @Autowired
    private UserDirectory directory;

    private Browser web;
    private long auditBefore;

    @BeforeEach
    void freshBrowserAtTheLoopbackAddress() throws Exception {
        // A new browser each time: no session at the app nor at the provider from an earlier test.
        web = new Browser("http://127.0.0.1:" + port);
        auditBefore = jdbc.sql("select coalesce(max(id), 0) from audit_event")
                .query(Long.class)
                .single();
    }

    @AfterEach
    void closeBrowser() {
        web.close();
    }

    @Test
    void providerUserWithOurUsernameConsentsAndIsBackSignedInAsThatFocalPoint() {
        signInAtProvider(OidcProvider.JORDAN);

        assertThat(web.driver().getCurrentUrl()).isEqualTo("http://127.0.0.1:" + port + "/inbox");
        assertThat(web.driver().findElement(By.tagName("h1")).getText()).isEqualTo(english("inbox.title"));
        assertThat(signOutButton()).isEqualTo("Sign out (\u2068fp-jor\u2069)");
        assertThat(signedIn("fp-jor"))
                .containsEntry("actor", "fp-jor")
                .containsEntry("method", "oidc")
                .containsEntry("provider", OidcProvider.REGISTRATION_ID)
                .containsEntry("address", "127.0.0.1");

        // Our roles, not the provider's: the focal point's own pages, no administrator's.
        assertThat(web.driver().findElements(By.cssSelector("nav a[href='/reports']")))
                .hasSize(1);
        assertThat(web.driver().findElements(By.cssSelector("nav a[href='/admin/users']")))
                .isEmpty();
    }

    @Test
    void providerUserWithOurUsersVerifiedEmailSignsInAsThatUser() {
        signInAtProvider(OidcProvider.MOROCCO_BY_EMAIL);

        assertThat(web.driver().getCurrentUrl()).endsWith("/inbox");
        assertThat(signOutButton()).isEqualTo("Sign out (\u2068fp-mar\u2069)");
        assertThat(signedIn("fp-mar")).containsEntry("actor", "fp-mar").containsEntry("method", "oidc");
    }

    @Test
    void unknownProviderUserIsRefusedWithAClearPageAndStaysSignedOut() {
        signInAtProvider(OidcProvider.STRANGER);

        assertRefusedAndSignedOut();
        assertThat(refused("stranger"))
                .containsEntry("method", "oidc")
                .containsEntry("reason", "unknown")
                .containsEntry("subject", "stranger")
                .containsEntry("email", "stranger@idp.test")
                .containsEntry("address", "127.0.0.1");
        assertThat(jdbc.sql("select count(*) from audit_event where id > ? and action = 'SIGNED_IN'")
                        .param(auditBefore)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anAddressTheProviderDidNotVerifyMatchesNobody() {
        signInAtProvider(OidcProvider.EGYPT_UNVERIFIED);

        assertRefusedAndSignedOut();
        assertThat(refused("egy.unverified")).containsEntry("reason", "unknown");
    }

    @Test
    void aDisabledUserOfOursIsRefused() {
        if (directory.find(OidcProvider.DISABLED.username()).isEmpty()) {
            directory.create(
                    OidcProvider.DISABLED.username(),
                    "a-long-enough-password",
                    new UserDraft(
                            "Disabled by the administrator", null, "en", false, Set.of(Role.SECRETARIAT), Set.of()));
        }

        signInAtProvider(OidcProvider.DISABLED);

        assertRefusedAndSignedOut();
        assertThat(refused(OidcProvider.DISABLED.username())).containsEntry("reason", "disabled");
    }

    @Test
    void cancellingTheConsentAtTheProviderLeavesTheUserSignedOutWithAMessage() {
        reachConsentPage(OidcProvider.JORDAN);
        web.driver().findElement(By.id("cancel-consent")).click();
        new WebDriverWait(web.driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.urlContains("127.0.0.1:" + port + "/login?sso-failed"));

        assertThat(web.driver().findElement(By.id("sso-failed")).getText()).isEqualTo(english("login.sso-failed"));
        web.open("/inbox");
        assertThat(web.driver().getCurrentUrl()).endsWith("/login");
        assertThat(jdbc.sql("select count(*) from audit_event where id > ? and action = 'SIGNED_IN'")
                        .param(auditBefore)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void signInPageOffersTheProviderAndExplainsARefusalInTheUsersLanguage() throws Exception {
        String page = mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("href=\"/oauth2/authorization/" + OidcProvider.REGISTRATION_ID + "\"");
        assertThat(page).contains("Sign in with " + OidcProvider.NAME);

        for (String language : new String[] {"es", "ar"}) {
            String refusal = mvc.perform(get("/login?sso-refused").header("Accept-Language", language))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(refusal)
                    .contains(messages.getMessage("login.sso-refused", null, Locale.forLanguageTag(language)))
                    .doesNotContain(english("login.sso-refused"));
        }
    }

    /** From the app's sign-in page through the provider's sign-in and consent pages, and back. */
    private void signInAtProvider(Account account) {
        reachConsentPage(account);
        web.click(By.id("profile"));
        web.click(By.id("email"));
        web.click(By.id("submit-consent"));
        new WebDriverWait(web.driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.urlContains("127.0.0.1:" + port));
    }

    private void reachConsentPage(Account account) {
        web.open("/login");
        web.click(By.linkText("Sign in with " + OidcProvider.NAME));

        assertThat(web.driver().getCurrentUrl()).startsWith(IDP.issuer() + "/login");
        web.type(By.id("username"), account.username());
        web.type(By.id("password"), OidcProvider.PASSWORD);
        web.click(By.cssSelector("button[type=submit]"));

        assertThat(web.driver().getCurrentUrl()).startsWith(IDP.issuer() + "/oauth2/authorize");
        assertThat(web.driver().findElement(By.tagName("h1")).getText()).contains("Consent");
    }

    private void assertRefusedAndSignedOut() {
        assertThat(web.driver().getCurrentUrl()).endsWith("/login?sso-refused");
        assertThat(web.driver().findElement(By.id("sso-refused")).getText()).isEqualTo(english("login.sso-refused"));
        assertThat(web.driver().findElements(By.cssSelector("form[action$='/logout']")))
                .isEmpty();

        web.open("/inbox");
        assertThat(web.driver().getCurrentUrl()).endsWith("/login");
    }

    private String signOutButton() {
        return web.driver()
                .findElement(By.cssSelector("form[action$='/logout'] button"))
                .getText();
    }

    private Map<String, Object> signedIn(String username) {
        return audited("SIGNED_IN", username);
    }

    private Map<String, Object> refused(String claimedUsername) {
        return audited("SIGN_IN_REFUSED", claimedUsername);
    }

    /** The one record of this test with that action on that user, with its details. */
    private Map<String, Object> audited(String action, String username) {
        return jdbc.sql(
                        """
                        select actor, after->>'method' as method, after->>'address' as address,
                               after->>'provider' as provider, after->>'reason' as reason,
                               after->>'subject' as subject, after->>'email' as email
                        from audit_event
                        where id > ? and action = ? and object_type = 'user' and object_id = ?
                          and occurred_at is not null
                        """)
                .params(auditBefore, action, username)
                .query()
                .singleRow();
    }

    private String english(String key) {
        return messages.getMessage(key, null, Locale.ENGLISH);
    }
}
