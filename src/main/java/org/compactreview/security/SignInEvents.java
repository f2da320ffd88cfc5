package org.compactreview.security;

import java.util.Map;
import org.compactreview.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failed sign-ins for the throttle and records sign-ins in the audit trail: every failed
 * sign-in (form or HTTP Basic, unknown usernames included, by "anonymous"), every wait the
 * throttle begins, and every interactive sign-in (the sign-in form). A successful HTTP Basic check
 * is not recorded: it happens on every API call; a token's first use is (ApiTokens).
 */
@Component
class SignInEvents {

    static final String ANONYMOUS = "anonymous";

    private final SignInThrottle throttle;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    SignInEvents(SignInThrottle throttle, AuditLog audit, TransactionTemplate transactions) {
        this.throttle = throttle;
        this.audit = audit;
        this.transactions = transactions;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String username = String.valueOf(event.getAuthentication().getName());
        String address = address(event.getAuthentication());
        String method = ClientAddress.currentMethod();
        transactions.executeWithoutResult(tx -> {
            SignInThrottle.Failure failure = throttle.failed(username, address);
            audit.recordAs(
                    ANONYMOUS,
                    "SIGN_IN_FAILED",
                    "user",
                    username,
                    null,
                    Map.of("method", method, "address", address, "failures", failure.accountFailures()));
            if (failure.accountBlocked()) {
                audit.recordAs(
                        ANONYMOUS,
                        "SIGN_IN_THROTTLED",
                        "user",
                        username,
                        null,
                        Map.of("scope", "username and address", "address", address));
            }
            if (failure.clientBlocked()) {
                audit.recordAs(
                        ANONYMOUS,
                        "SIGN_IN_THROTTLED",
                        "address",
                        address,
                        null,
                        Map.of("scope", "address", "address", address));
            }
        });
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof SignedInUser) {
            String username = event.getAuthentication().getName();
            String address = address(event.getAuthentication());
            transactions.executeWithoutResult(tx -> throttle.succeeded(username, address));
        }
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        if (authentication.getPrincipal() instanceof SignedInUser) {
            String address = address(authentication);
            transactions.executeWithoutResult(tx -> audit.recordAs(
                    authentication.getName(),
                    "SIGNED_IN",
                    "user",
                    authentication.getName(),
                    null,
                    Map.of("method", "form", "address", address)));
        }
    }

    private static String address(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null) {
            return details.getRemoteAddress();
        }
        return ClientAddress.current();
    }
}
