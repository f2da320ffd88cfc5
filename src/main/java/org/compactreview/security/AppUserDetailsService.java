package org.compactreview.security;

import org.compactreview.identity.AppUser;
import org.compactreview.identity.UserDirectory;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads enabled users from the app's tables; disabled and unknown users cannot sign in. */
@Component
class AppUserDetailsService implements UserDetailsService {

    private final UserDirectory directory;
    private final SignInThrottle throttle;

    AppUserDetailsService(UserDirectory directory, SignInThrottle throttle) {
        this.directory = directory;
        this.throttle = throttle;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        if (throttle.blocked(username)) {
            // The same failure as an unknown user: nothing tells a guesser the account exists.
            throw new UsernameNotFoundException("too many failed sign-ins");
        }
        AppUser user = directory
                .find(username)
                .filter(AppUser::enabled)
                .orElseThrow(() -> new UsernameNotFoundException("unknown or disabled user"));
        String hash = directory.passwordHash(username).orElseThrow(() -> new UsernameNotFoundException("disabled"));
        return new SignedInUser(user.asCurrentUser(), hash);
    }
}
