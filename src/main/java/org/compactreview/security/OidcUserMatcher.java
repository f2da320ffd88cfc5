package org.compactreview.security;

import java.util.Optional;
import org.compactreview.identity.AppUser;
import org.compactreview.identity.UserDirectory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Maps the identity provider's user to one of ours: its {@code preferred_username} (or, without
 * one, its {@code sub}) equal to our username, else its e-mail address, if the provider verified
 * it, equal to the address of exactly one of our users. Roles and participants are ours; an
 * unknown or disabled user is refused.
 */
@Component
class OidcUserMatcher implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final UserDirectory directory;
    /** Spring's own: checks the ID token's subject against the user info's and merges their claims. */
    private final OidcUserService provider = new OidcUserService();

    OidcUserMatcher(UserDirectory directory) {
        this.directory = directory;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser theirs = provider.loadUser(request);
        String provider = request.getClientRegistration().getRegistrationId();
        Optional<AppUser> ours = match(theirs);
        if (ours.isEmpty() || !ours.get().enabled()) {
            throw new SignInRefused(new SignInRefused.Claimed(
                    provider,
                    theirs.getSubject(),
                    claimedUsername(theirs),
                    theirs.getEmail(),
                    ours.isEmpty() ? "unknown" : "disabled"));
        }
        return new OidcSignedInUser(ours.get().asCurrentUser(), theirs.getIdToken(), theirs.getUserInfo());
    }

    Optional<AppUser> match(OidcUser theirs) {
        Optional<AppUser> byName = directory.find(claimedUsername(theirs));
        if (byName.isPresent()) {
            return byName;
        }
        if (StringUtils.hasText(theirs.getEmail()) && Boolean.TRUE.equals(theirs.getEmailVerified())) {
            return directory.findByEmail(theirs.getEmail());
        }
        return Optional.empty();
    }

    private static String claimedUsername(OidcUser theirs) {
        String preferred = theirs.getPreferredUsername();
        return StringUtils.hasText(preferred) ? preferred : theirs.getSubject();
    }
}
