package org.compactreview.security;

import org.compactreview.identity.CurrentUser;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * The principal of a single sign-on: the provider's user (its tokens and claims) matched to one of
 * our users, whose name, roles and participants it carries. Its name is our username, so the audit
 * trail, Camunda and the session index all see the same user as after a password sign-in.
 */
final class OidcSignedInUser extends DefaultOidcUser implements SignedIn {

    private static final long serialVersionUID = 1L;

    private final CurrentUser user;

    OidcSignedInUser(CurrentUser user, OidcIdToken idToken, OidcUserInfo userInfo) {
        super(SignedIn.authoritiesOf(user), idToken, userInfo, IdTokenClaimNames.SUB);
        this.user = user;
    }

    @Override
    public CurrentUser user() {
        return user;
    }

    @Override
    public String getName() {
        return user.username();
    }
}
