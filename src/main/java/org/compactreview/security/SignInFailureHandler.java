package org.compactreview.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.compactreview.platform.DatabaseUnavailable;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * A failed form sign-in goes back to the sign-in page, as usual, unless the password could not be
 * checked at all because the database is out of reach: then the failure travels on to the
 * "service unavailable" page instead of telling the user their password was wrong.
 */
final class SignInFailureHandler extends SimpleUrlAuthenticationFailureHandler {

    SignInFailureHandler() {
        super("/login?error");
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException, ServletException {
        if (DatabaseUnavailable.causedBy(failure)) {
            throw new ServletException("The password could not be checked", failure);
        }
        super.onAuthenticationFailure(request, response, failure);
    }
}
