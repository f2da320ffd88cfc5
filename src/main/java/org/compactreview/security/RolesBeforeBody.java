package org.compactreview.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.expression.SecurityExpressionRoot;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks a handler's {@code @PreAuthorize} role rule before Spring MVC reads and validates the
 * request body. Method security alone runs after argument binding, so a caller without the role
 * got 400 (with the body's field errors) instead of 403: the AuthorizationSweepIT table found it.
 * Our rules are role rules only (no method arguments), which is what makes this early check
 * possible; method security still runs as well.
 */
@Configuration(proxyBeanMethods = false)
class RolesBeforeBody implements WebMvcConfigurer, HandlerInterceptor {

    private final SpelExpressionParser parser = new SpelExpressionParser();
    private final Map<Method, Expression> rules = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Expression rule = rules.computeIfAbsent(method.getMethod(), this::rule);
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        SecurityExpressionRoot root = new SecurityExpressionRoot(caller) {};
        if (!Boolean.TRUE.equals(rule.getValue(new StandardEvaluationContext(root), Boolean.class))) {
            throw new AccessDeniedException("Access denied");
        }
        return true;
    }

    /** The method's or its class's rule; a rule that always holds when there is none. */
    private Expression rule(Method method) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(method.getDeclaringClass(), PreAuthorize.class);
        }
        return parser.parseExpression(rule == null ? "true" : rule.value());
    }
}
