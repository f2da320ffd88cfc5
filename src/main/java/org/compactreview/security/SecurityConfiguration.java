package org.compactreview.security;

import org.compactreview.identity.UserDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Four chains. Machines ({@code /api/**}, {@code /engine-rest/**}) use a personal API token
 * ({@code Authorization: Bearer}) or HTTP Basic without a session, so a browser's session cookie
 * can never authorise an API call and CSRF does not apply. The API description
 * ({@code /v3/api-docs}) is read by scripts (token or Basic) and by the signed-in browser's
 * Swagger UI (session), so it takes all three and creates no session. People use form sign-in
 * with CSRF on, except on Camunda's webapps, which bring their own CSRF protection. Camunda's
 * webapps and engine REST are for administrators only, and so is Actuator ({@code /actuator/**},
 * signed in like the API description) except its open health check. Every password check passes the sign-in
 * throttle first.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /** The unsubscribe link of optional mails (notify's UnsubscribePagesController). */
    private static final String UNSUBSCRIBE = "/notifications/unsubscribe/*";

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    CachedBasicAuthentication cachedBasicAuthentication(
            AppUserDetailsService users, PasswordEncoder passwords, UserDirectory directory) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(passwords);
        return new CachedBasicAuthentication(dao, directory::securityStamp);
    }

    /**
     * The personal calendar feeds (notify/CalendarFeeds): calendar apps cannot sign in, so exactly
     * this path is open without a session; the secret token in the address is the credential, checked
     * by the feed itself (404 for any token that is not a live feed's). Nothing is created or kept: no
     * session, no saved request; it is read only (GET), so there is no CSRF to guard. The feed sets its
     * own Cache-Control (private, five minutes).
     */
    @Bean
    @Order(0)
    SecurityFilterChain calendarFeedChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(path("/calendar/*.ics"))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.cacheControl(cache -> cache.disable()))
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, MachineSignIn machines) throws Exception {
        // Path matchers, not MVC matchers: /engine-rest is served by Jersey, not by Spring MVC.
        return machines.applyTo(http)
                .securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**")))
                .authorizeHttpRequests(requests -> requests.requestMatchers(path("/engine-rest/**"))
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiDescriptionChain(HttpSecurity http, MachineSignIn machines) throws Exception {
        // Reads only (GET): a browser's session is used if there is one, none is ever created.
        return machines.applyTo(http)
                .securityMatcher(new OrRequestMatcher(path("/v3/api-docs"), path("/v3/api-docs/**")))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain actuatorChain(HttpSecurity http, MachineSignIn machines) throws Exception {
        // Operators' endpoints: Prometheus scrapes with a token or Basic, an admin's browser with its
        // session; none is created. Health stays open (no details) for compose and proxy checks;
        // everything else is the administrators': 401 signed out, 403 for other roles.
        return machines.applyTo(http)
                .securityMatcher(path("/actuator/**"))
                .authorizeHttpRequests(
                        requests -> requests.requestMatchers(path("/actuator/health"), path("/actuator/health/**"))
                                .permitAll()
                                .anyRequest()
                                .hasRole("ADMIN"))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain webChain(
            HttpSecurity http, ProblemSecurityHandlers problems, SignInThrottle throttle, OidcSignIn oidc)
            throws Exception {
        oidc.configure(http);
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                path("/login"),
                                path("/error"),
                                path("/webjars/**"),
                                path("/assets/**"),
                                path("/favicon.ico"),
                                // A mail's unsubscribe link works without signing in (its token is the key).
                                path(UNSUBSCRIBE))
                        .permitAll()
                        .requestMatchers(path("/camunda/**"))
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .addFilterBefore(
                        new SignInThrottleFilter(throttle, problems), UsernamePasswordAuthenticationFilter.class)
                .formLogin(form -> form.loginPage("/login")
                        .failureHandler(new SignInFailureHandler())
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                // RFC 8058's one-click unsubscribe is a post from the mail client, without a form token.
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        path("/camunda/**"),
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, UNSUBSCRIBE)))
                // A strict CSP on our pages (no inline script or style); Camunda's webapps send their own.
                .headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(path("/camunda/**")),
                                new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }
}
