package org.compactreview.platform;

import java.util.Optional;

/**
 * Where a signed-in user's choice of language is kept across browsers. The platform's locale
 * resolver asks through this port; the module that owns the users implements it, so that the
 * platform depends on no feature module.
 */
public interface LanguageChoices {

    /** The language tag the user chose last, if any. */
    Optional<String> chosenLanguage(String username);

    /** Remembers the user's choice; nothing happens for a name that is no user. */
    void rememberLanguage(String username, String languageTag);
}
