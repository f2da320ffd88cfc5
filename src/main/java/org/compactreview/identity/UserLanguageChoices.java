package org.compactreview.identity;

import java.util.Optional;
import org.compactreview.platform.LanguageChoices;
import org.springframework.stereotype.Component;

/** The platform's locale resolver reads and keeps a user's language in the user's record. */
@Component
class UserLanguageChoices implements LanguageChoices {

    private final UserDirectory users;

    UserLanguageChoices(UserDirectory users) {
        this.users = users;
    }

    @Override
    public Optional<String> chosenLanguage(String username) {
        return users.find(username).map(AppUser::locale);
    }

    @Override
    public void rememberLanguage(String username, String languageTag) {
        users.rememberLocale(username, languageTag);
    }
}
