package org.compactreview.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

/**
 * Single sign-on through OpenID Connect, beside the form sign-in. Off unless a client registration
 * is configured ({@code spring.security.oauth2.client.registration.*}, from which Spring Boot makes
 * the {@link ClientRegistrationRepository}); {@code compact-review.security.oidc.enabled=false}
 * turns it off all the same. The sign-in page offers one link per configured provider.
 */
@Component
class OidcSignIn {

    private final List<ClientRegistration> registrations;
    private final OidcUserMatcher matcher;
    private final OidcSignInOutcome outcome;

    OidcSignIn(
            ObjectProvider<ClientRegistrationRepository> repository,
            @Value("${compact-review.security.oidc.enabled:true}") boolean enabled,
            OidcUserMatcher matcher,
            OidcSignInOutcome outcome) {
        this.registrations = enabled ? registrations(repository.getIfAvailable()) : List.of();
        this.matcher = matcher;
        this.outcome = outcome;
    }

    /** Adds the OpenID Connect sign-in to the pages' chain; does nothing when it is off. */
    void configure(HttpSecurity http) throws Exception {
        if (registrations.isEmpty()) {
            return;
        }
        // Our sign-in page, not Spring's: it stays the entry point for pages, with a link per provider.
        http.oauth2Login(login -> login.loginPage("/login")
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(matcher))
                .successHandler(outcome)
                .failureHandler(outcome));
    }

    /** The providers the sign-in page offers; none when single sign-on is off. */
    public List<Provider> providers() {
        return registrations.stream()
                .map(r -> new Provider(r.getClientName(), "/oauth2/authorization/" + r.getRegistrationId()))
                .toList();
    }

    private static List<ClientRegistration> registrations(ClientRegistrationRepository repository) {
        List<ClientRegistration> found = new ArrayList<>();
        if (repository instanceof Iterable<?> all) {
            all.forEach(registration -> found.add((ClientRegistration) registration));
        }
        return List.copyOf(found);
    }

    /** A provider as the sign-in page shows it: its name and where its sign-in starts. */
    public record Provider(String name, String path) {}
}
