package org.compactreview.support;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real OpenID Connect provider for the single sign-on tests: Spring Authorization Server as its
 * own small Spring application in the test JVM, on a free port, started once per JVM before the
 * app's context, which it serves as a confidential client that must ask for consent. Only the
 * auto-configurations listed below start in it (none of the app's: no database, engine or
 * sessions), and it reads none of the app's configuration files.
 *
 * <p>The app's port is random, so the client's redirect URI is registered on the loopback address
 * without a port, which the provider then accepts with any port (RFC 8252, section 7.3): the
 * browser opens the app at {@code http://127.0.0.1:<port>} and the provider at {@code localhost},
 * so the two never share cookies.
 */
public final class OidcProvider {

    public static final String REGISTRATION_ID = "test-idp";
    public static final String NAME = "Test IdP";
    public static final String PASSWORD = "idp-password";
    private static final String CLIENT_ID = "compact-review";
    private static final String CLIENT_SECRET = "compact-review-secret";

    /** The provider's users and the claims it vouches for in their ID tokens. */
    public record Account(String username, String email, boolean emailVerified) {}

    /** Our demo user {@code fp-jor}, by username. */
    public static final Account JORDAN = new Account("fp-jor", "jordan.focal.point@idp.test", true);
    /** Our demo user {@code fp-mar}, by verified e-mail address only (in other letter case). */
    public static final Account MOROCCO_BY_EMAIL = new Account("maryam.alami", "FP-MAR@demo.invalid", true);
    /** fp-egy's address, but not verified by the provider: no match. */
    public static final Account EGYPT_UNVERIFIED = new Account("egy.unverified", "fp-egy@demo.invalid", false);
    /** Nobody of ours. */
    public static final Account STRANGER = new Account("stranger", "stranger@idp.test", true);
    /** A user of ours whom the test disables. */
    public static final Account DISABLED = new Account("sso-disabled", "sso-disabled@idp.test", true);

    private static final Map<String, Account> ACCOUNTS =
            List.of(JORDAN, MOROCCO_BY_EMAIL, EGYPT_UNVERIFIED, STRANGER, DISABLED).stream()
                    .collect(Collectors.toMap(Account::username, Function.identity()));

    private final ConfigurableApplicationContext context;

    private OidcProvider(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static OidcProvider start() {
        SpringApplication application = new SpringApplication(ProviderApplication.class);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        String client = "--spring.security.oauth2.authorizationserver.client.compact-review.";
        return new OidcProvider(application.run(
                // A name no file has: the app's application.yml stays out of the provider.
                "--spring.config.name=oidc-test-provider",
                "--server.port=0",
                "--server.servlet.session.cookie.name=IDP_SESSION",
                client + "registration.client-id=" + CLIENT_ID,
                client + "registration.client-secret={noop}" + CLIENT_SECRET,
                client + "registration.client-authentication-methods=client_secret_basic",
                client + "registration.authorization-grant-types=authorization_code",
                client + "registration.redirect-uris=http://127.0.0.1/login/oauth2/code/" + REGISTRATION_ID,
                client + "registration.scopes=openid,profile,email",
                client + "require-authorization-consent=true"));
    }

    /** The issuer, as the app discovers it and as the browser meets it. */
    public String issuer() {
        return "http://localhost:"
                + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Switches single sign-on on in the app, with this provider. */
    void register(DynamicPropertyRegistry registry) {
        String registration = "spring.security.oauth2.client.registration." + REGISTRATION_ID + ".";
        registry.add(registration + "client-id", () -> CLIENT_ID);
        registry.add(registration + "client-secret", () -> CLIENT_SECRET);
        registry.add(registration + "client-name", () -> NAME);
        registry.add(registration + "scope", () -> "openid,profile,email");
        registry.add("spring.security.oauth2.client.provider." + REGISTRATION_ID + ".issuer-uri", this::issuer);
    }

    /** Not a {@code @Configuration}: the app's component scan must never pick it up. */
    @ImportAutoConfiguration({
        PropertyPlaceholderAutoConfiguration.class,
        ServletWebServerFactoryAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class,
        HttpMessageConvertersAutoConfiguration.class,
        JacksonAutoConfiguration.class,
        SecurityAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class,
        OAuth2AuthorizationServerAutoConfiguration.class,
        OAuth2AuthorizationServerJwtAutoConfiguration.class
    })
    static class ProviderApplication {

        @Bean
        UserDetailsService providerUsers() {
            return new InMemoryUserDetailsManager(ACCOUNTS.keySet().stream()
                    .map(username -> User.withUsername(username)
                            .password("{noop}" + PASSWORD)
                            .roles("USER")
                            .build())
                    .toList());
        }

        /** The profile and e-mail claims; the provider's user info endpoint answers from them. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> idTokenClaims() {
            return context -> {
                if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    Account account = ACCOUNTS.get(context.getPrincipal().getName());
                    context.getClaims()
                            .claim("preferred_username", account.username())
                            .claim("name", account.username())
                            .claim("email", account.email())
                            .claim("email_verified", account.emailVerified());
                }
            };
        }
    }
}
