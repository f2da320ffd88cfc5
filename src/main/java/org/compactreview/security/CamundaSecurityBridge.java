package org.compactreview.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Hands the Spring-authenticated user to Camunda's webapps and engine REST, so that Cockpit,
 * Tasklist and the REST API act as that user (with its groups from Camunda identity, which mirrors
 * ours) and nobody signs in to Camunda separately.
 */
@Configuration(proxyBeanMethods = false)
class CamundaSecurityBridge {

    private static final int AFTER_SPRING_SECURITY = SecurityProperties.DEFAULT_FILTER_ORDER + 1;

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappAuthentication() {
        var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider", SpringUserProvider.class.getName()));
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(AFTER_SPRING_SECURITY);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> camundaRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider", SpringUserProvider.class.getName()));
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(AFTER_SPRING_SECURITY);
        return registration;
    }

    /** Camunda instantiates this by class name: it reads the user Spring Security signed in. */
    public static class SpringUserProvider extends ContainerBasedAuthenticationProvider {

        @Override
        public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication == null
                    || !authentication.isAuthenticated()
                    || authentication instanceof AnonymousAuthenticationToken) {
                return AuthenticationResult.unsuccessful();
            }
            return AuthenticationResult.successful(authentication.getName());
        }
    }
}
