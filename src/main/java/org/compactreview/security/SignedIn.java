package org.compactreview.security;

import java.util.Collection;
import java.util.List;
import org.compactreview.identity.CurrentUser;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A principal that carries the app's user, whichever way it signed in: a password
 * ({@link SignedInUser}) or single sign-on ({@link OidcSignedInUser}).
 */
interface SignedIn {

    CurrentUser user();

    /** Our roles as Spring Security authorities; the identity provider grants none. */
    static Collection<GrantedAuthority> authoritiesOf(CurrentUser user) {
        return List.copyOf(user.roles().stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList());
    }
}
