package org.compactreview.security;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * The identity provider vouched for a user who has no enabled account here. Signing in never
 * creates an account: an administrator invites people.
 */
final class SignInRefused extends OAuth2AuthenticationException {

    static final String ERROR_CODE = "sign_in_refused";

    private final Claimed claimed;

    SignInRefused(Claimed claimed) {
        super(new OAuth2Error(ERROR_CODE), "no enabled user matches the provider's user (" + claimed.reason() + ")");
        this.claimed = claimed;
    }

    Claimed claimed() {
        return claimed;
    }

    /** Who the provider said the user is, for the audit trail. */
    record Claimed(String provider, String subject, String username, String email, String reason)
            implements java.io.Serializable {}
}
