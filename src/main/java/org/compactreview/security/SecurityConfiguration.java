package org.compactreview.security;

import static org.springframework.security.config.Customizer.withDefaults;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two chains. Machines ({@code /api/**}, {@code /engine-rest/**}) use HTTP Basic without a
 * session, so a browser's session cookie can never authorise an API call and CSRF does not apply.
 * People use form sign-in with CSRF on, except on Camunda's webapps, which bring their own CSRF
 * protection. Camunda's webapps and engine REST are for administrators only.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
        return http.securityMatcher("/api/**", "/engine-rest/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers("/engine-rest/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health", "/actuator/health/**", "/login", "/error")
                        .permitAll()
                        .requestMatchers("/camunda/**", "/actuator/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .formLogin(withDefaults())
                .logout(withDefaults())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**"))
                .build();
    }
}
