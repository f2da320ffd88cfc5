package org.compactreview.security;

import java.util.Collection;
import org.compactreview.identity.CurrentUser;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The Spring Security principal: the app's user plus the password hash needed to sign in. */
final class SignedInUser implements UserDetails, CredentialsContainer, SignedIn {

    /**
     * The value Java computed for this class before it implemented {@link SignedIn}: sessions
     * stored in the database before that change still deserialize.
     */
    private static final long serialVersionUID = -1493978310772291405L;

    private final CurrentUser user;
    private String passwordHash;

    SignedInUser(CurrentUser user, String passwordHash) {
        this.user = user;
        this.passwordHash = passwordHash;
    }

    @Override
    public CurrentUser user() {
        return user;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return SignedIn.authoritiesOf(user);
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
