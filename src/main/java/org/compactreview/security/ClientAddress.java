package org.compactreview.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The client's address as the servlet container reports it: the connection's peer, or the
 * address a trusted proxy put in {@code X-Forwarded-For} (Tomcat's RemoteIpValve, configured by
 * {@code server.tomcat.remoteip.internal-proxies}); an untrusted sender's header is ignored.
 */
final class ClientAddress {

    static final String UNKNOWN = "unknown";

    private ClientAddress() {}

    static String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        return address == null || address.isBlank() ? UNKNOWN : address;
    }

    /** The address of the request this thread serves, for listeners that see no request. */
    static String current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return of(attributes.getRequest());
        }
        return UNKNOWN;
    }

    /** "basic" for the API and its description, "form" for pages: how a password reached us. */
    static String currentMethod() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            String path = attributes.getRequest().getRequestURI();
            return path.startsWith(attributes.getRequest().getContextPath() + "/login") ? "form" : "basic";
        }
        return "basic";
    }
}
