package org.compactreview.security;

import org.compactreview.identity.AppUser;
import org.compactreview.identity.UserDirectory;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads enabled users from the app's tables; disabled and unknown users cannot sign in. The
 * throttle answers before this is asked (SignInThrottleFilter).
 */
@Component
class AppUserDetailsService implements UserDetailsService {

    private final UserDirectory directory;

    AppUserDetailsService(UserDirectory directory) {
        this.directory = directory;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        AppUser user = directory
                .find(username)
                .filter(AppUser::enabled)
                .orElseThrow(() -> new UsernameNotFoundException("unknown or disabled user"));
        String hash = directory.passwordHash(username).orElseThrow(() -> new UsernameNotFoundException("disabled"));
        return new SignedInUser(user.asCurrentUser(), hash);
    }
}
