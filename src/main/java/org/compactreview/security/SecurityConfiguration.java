package org.compactreview.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two chains. Machines ({@code /api/**}, {@code /engine-rest/**}) use HTTP Basic without a
 * session, so a browser's session cookie can never authorise an API call and CSRF does not apply.
 * People use form sign-in with CSRF on, except on Camunda's webapps, which bring their own CSRF
 * protection. Camunda's webapps and engine REST are for administrators only.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    CachedBasicAuthentication cachedBasicAuthentication(AppUserDetailsService users, PasswordEncoder passwords) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(passwords);
        return new CachedBasicAuthentication(dao);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(
            HttpSecurity http,
            ProblemSecurityHandlers problems,
            CachedBasicAuthentication basic,
            AuthenticationEventPublisher events)
            throws Exception {
        ProviderManager apiAuthentication = new ProviderManager(basic);
        // Failed API sign-ins count towards the sign-in throttle like failed form sign-ins.
        apiAuthentication.setAuthenticationEventPublisher(events);
        // Path matchers, not MVC matchers: /engine-rest is served by Jersey, not by Spring MVC.
        return http.securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**")))
                .authorizeHttpRequests(requests -> requests.requestMatchers(path("/engine-rest/**"))
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .authenticationManager(apiAuthentication)
                .httpBasic(httpBasic -> httpBasic.authenticationEntryPoint(problems))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, OidcSignIn oidc) throws Exception {
        oidc.configure(http);
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                path("/actuator/health"),
                                path("/actuator/health/**"),
                                path("/login"),
                                path("/error"),
                                path("/webjars/**"),
                                path("/css/**"),
                                path("/favicon.ico"))
                        .permitAll()
                        .requestMatchers(path("/camunda/**"), path("/actuator/**"))
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .failureHandler(new SignInFailureHandler())
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .csrf(csrf -> csrf.ignoringRequestMatchers(path("/camunda/**")))
                // A strict CSP on our pages (no inline script or style); Camunda's webapps send their own.
                .headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(path("/camunda/**")),
                                new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }
}
