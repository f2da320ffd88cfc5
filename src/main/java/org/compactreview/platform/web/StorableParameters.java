package org.compactreview.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.StorableInput;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a query or form parameter that the database could not store (a NUL), naming the
 * parameter, before any controller passes it on: the API answers its 400 problem, pages their 400
 * page. A page's form post goes on, so that its form can show the message beside the field with
 * everything the user typed (the report form does, through {@code ReportRules}).
 */
class StorableParameters implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod) || isPageFormPost(request)) {
            return true;
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            if (!StorableInput.storable(name)) {
                throw new InvalidInputException(name.replace("\u0000", "\\u0000"), StorableInput.UNSTORABLE_TEXT);
            }
            for (String value : parameter.getValue()) {
                if (!StorableInput.storable(value)) {
                    throw new InvalidInputException(name, StorableInput.UNSTORABLE_TEXT);
                }
            }
        }
        return true;
    }

    private static boolean isPageFormPost(HttpServletRequest request) {
        return !UserLocaleResolver.isApi(request) && "POST".equals(request.getMethod());
    }
}
