package org.compactreview.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.compactreview.audit.AuditLog;
import org.compactreview.platform.DatabaseUnavailable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * What follows a single sign-on: an audit record of who signed in, when and from which address,
 * or of whom the provider vouched for but we refused; then the page asked for, or the sign-in page
 * with a message saying why.
 */
@Component
class OidcSignInOutcome implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    static final String SIGNED_IN = "SIGNED_IN";
    static final String SIGN_IN_REFUSED = "SIGN_IN_REFUSED";
    static final String REFUSED_PAGE = "/login?sso-refused";
    static final String FAILED_PAGE = "/login?sso-failed";

    private final AuditLog audit;
    private final TransactionOperations transactions;
    private final AuthenticationSuccessHandler continueToRequestedPage =
            new SavedRequestAwareAuthenticationSuccessHandler();
    private final RedirectStrategy redirect = new DefaultRedirectStrategy();

    OidcSignInOutcome(AuditLog audit, TransactionOperations transactions) {
        this.audit = audit;
        this.transactions = transactions;
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        Map<String, Object> details = details(request);
        if (authentication instanceof OAuth2AuthenticationToken token) {
            details.put("provider", token.getAuthorizedClientRegistrationId());
        }
        transactions.executeWithoutResult(
                status -> audit.record(SIGNED_IN, "user", authentication.getName(), null, details));
        continueToRequestedPage.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException, ServletException {
        if (DatabaseUnavailable.causedBy(failure)) {
            throw new ServletException("The provider's user could not be matched", failure);
        }
        if (failure instanceof SignInRefused refused) {
            SignInRefused.Claimed claimed = refused.claimed();
            Map<String, Object> details = details(request);
            details.put("provider", claimed.provider());
            details.put("subject", claimed.subject());
            details.put("email", claimed.email());
            details.put("reason", claimed.reason());
            transactions.executeWithoutResult(status ->
                    audit.recordAs(SignInEvents.ANONYMOUS, SIGN_IN_REFUSED, "user", claimed.username(), null, details));
            redirect.sendRedirect(request, response, REFUSED_PAGE);
            return;
        }
        // Consent denied, an error at the provider, an expired or forged answer: nobody signs in.
        redirect.sendRedirect(request, response, FAILED_PAGE);
    }

    private static Map<String, Object> details(HttpServletRequest request) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("method", "oidc");
        details.put("address", request.getRemoteAddr());
        return details;
    }
}
