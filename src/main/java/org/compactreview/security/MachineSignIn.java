package org.compactreview.security;

import org.compactreview.identity.ApiTokens;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.stereotype.Component;

/**
 * How machines sign in, shared by the API's chain and the API description's: a personal API token
 * first, then the sign-in throttle, then HTTP Basic; refusals as problem documents; no CSRF (no
 * cookie can authorise these requests).
 */
@Component
class MachineSignIn {

    private final ProblemSecurityHandlers problems;
    private final CachedBasicAuthentication basic;
    private final AuthenticationEventPublisher events;
    private final ApiTokens tokens;
    private final SignInThrottle throttle;

    MachineSignIn(
            ProblemSecurityHandlers problems,
            CachedBasicAuthentication basic,
            AuthenticationEventPublisher events,
            ApiTokens tokens,
            SignInThrottle throttle) {
        this.problems = problems;
        this.basic = basic;
        this.events = events;
        this.tokens = tokens;
        this.throttle = throttle;
    }

    HttpSecurity applyTo(HttpSecurity http) throws Exception {
        ProviderManager apiAuthentication = new ProviderManager(basic);
        // Failed API sign-ins count towards the sign-in throttle like failed form sign-ins.
        apiAuthentication.setAuthenticationEventPublisher(events);
        return http.authenticationManager(apiAuthentication)
                .addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
                .addFilterBefore(new SignInThrottleFilter(throttle, problems), BasicAuthenticationFilter.class)
                .httpBasic(httpBasic -> httpBasic.authenticationEntryPoint(problems))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(csrf -> csrf.disable());
    }
}
