package org.compactreview.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks a handler's {@code @PreAuthorize} role rule before Spring MVC reads and validates the
 * request body. Method security alone runs after argument binding, so a caller without the role
 * got 400 (with the body's field errors) instead of 403: the AuthorizationSweepIT table found it.
 * Our rules are role rules only (no method arguments), which is what makes this early check
 * possible; it asks Spring Security's own {@code @PreAuthorize} manager (which finds and caches
 * each method's or class's rule), and method security still runs as well.
 */
@Configuration(proxyBeanMethods = false)
class RolesBeforeBody implements WebMvcConfigurer, HandlerInterceptor {

    private final PreAuthorizeAuthorizationManager rules = new PreAuthorizeAuthorizationManager();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            AuthorizationResult decision = rules.authorize(
                    () -> SecurityContextHolder.getContext().getAuthentication(),
                    new SimpleMethodInvocation(method.getBean(), method.getMethod()));
            if (decision != null && !decision.isGranted()) {
                throw new AccessDeniedException("Access denied");
            }
        }
        return true;
    }
}
