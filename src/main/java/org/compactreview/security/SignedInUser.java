package org.compactreview.security;

import java.util.Collection;
import java.util.List;
import org.compactreview.identity.CurrentUser;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The Spring Security principal: the app's user plus the password hash needed to sign in. */
final class SignedInUser implements UserDetails, CredentialsContainer {

    private final CurrentUser user;
    private String passwordHash;

    SignedInUser(CurrentUser user, String passwordHash) {
        this.user = user;
        this.passwordHash = passwordHash;
    }

    CurrentUser user() {
        return user;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<SimpleGrantedAuthority> authorities = user.roles().stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList();
        return authorities;
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
