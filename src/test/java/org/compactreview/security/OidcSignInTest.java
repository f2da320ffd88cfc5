package org.compactreview.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

/** Single sign-on stays off in the default run and when switched off; the sign-in page says so. */
class OidcSignInTest {

    @Test
    void withoutAClientRegistrationSingleSignOnIsOffAndTouchesNothing() throws Exception {
        OidcSignIn off = new OidcSignIn(withRegistrations(null), true, null, null);

        assertThat(off.providers()).isEmpty();
        off.configure(null); // would fail on the missing HttpSecurity if it configured anything
    }

    @Test
    void aConfiguredProviderIsOfferedUnlessSingleSignOnIsSwitchedOff() throws Exception {
        ClientRegistrationRepository repository =
                new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId("corporate")
                        .clientName("Corporate ID")
                        .clientId("compact-review")
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                        .authorizationUri("https://id.example.org/authorize")
                        .tokenUri("https://id.example.org/token")
                        .build());

        assertThat(new OidcSignIn(withRegistrations(repository), true, null, null).providers())
                .containsExactly(new OidcSignIn.Provider("Corporate ID", "/oauth2/authorization/corporate"));
        OidcSignIn switchedOff = new OidcSignIn(withRegistrations(repository), false, null, null);
        assertThat(switchedOff.providers()).isEmpty();
        switchedOff.configure(null);
    }

    private static org.springframework.beans.factory.ObjectProvider<ClientRegistrationRepository> withRegistrations(
            ClientRegistrationRepository repository) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (repository != null) {
            beans.addBean("clientRegistrationRepository", repository);
        }
        return beans.getBeanProvider(ClientRegistrationRepository.class);
    }
}
