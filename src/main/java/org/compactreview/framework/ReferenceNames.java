package org.compactreview.framework;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.compactreview.platform.UiLanguages;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The names of the framework's reference data in a UI language (docs/i18n-names.md):
 *
 * <ul>
 *   <li>member states: the UN short name of {@code frameworks/un-names_<language>.properties}
 *       where CLDR's common name differs from it (Russian Federation, Viet Nam, the states whose
 *       UN name carries a parenthesis...), else CLDR's name from the JDK for the state's ISO 3166
 *       code (the stored code is alpha-3, CLDR is keyed by alpha-2);
 *   <li>regional bodies: the message {@code framework.body.<code>};
 *   <li>objectives: the official title of the compact's language version (A/RES/73/195), message
 *       {@code framework.objective.title.<number>}, and the short title {@code objective.<number>};
 *   <li>UN regions: the message {@code region.<code>}.
 * </ul>
 *
 * English keeps the stored names (the UN English names of migration V2, which an administrator
 * may edit): a name is translated from the stored one, never the other way round. A language
 * outside {@link #LANGUAGES} gets the English names.
 */
@Component
public class ReferenceNames {

    /** The languages reference data is named in: the six official UN languages. */
    public static final List<String> LANGUAGES = UiLanguages.tags();

    private static final Map<String, String> ALPHA3_TO_ALPHA2 = alpha3ToAlpha2();

    private final MessageSource messages;
    private final Map<String, Properties> unNames = new HashMap<>();

    public ReferenceNames(MessageSource messages) {
        this.messages = messages;
        for (String language : LANGUAGES) {
            unNames.put(language, load("frameworks/un-names_" + language + ".properties"));
        }
    }

    /** The UI language of the current request, or English outside any request (jobs, mail). */
    public static String currentLanguage() {
        if (LocaleContextHolder.getLocaleContext() == null) {
            return "en";
        }
        return language(LocaleContextHolder.getLocale());
    }

    /** The language names are given in for a locale: one of {@link #LANGUAGES}, else English. */
    public static String language(Locale locale) {
        String language = locale == null ? "en" : locale.getLanguage();
        return LANGUAGES.contains(language) ? language : "en";
    }

    /** A participant's name in a language; the stored (English) name for English. */
    public String participant(Participant participant, String language) {
        if ("en".equals(language)) {
            return participant.name();
        }
        Locale locale = Locale.forLanguageTag(language);
        if (participant.kind() != ParticipantKind.MEMBER_STATE) {
            return message("framework.body." + participant.code(), locale, participant.name());
        }
        String official = unNames.get(language).getProperty(participant.code());
        if (official != null) {
            return official;
        }
        String alpha2 =
                participant.code().length() == 3 ? ALPHA3_TO_ALPHA2.get(participant.code()) : participant.code();
        if (alpha2 == null) {
            return participant.name();
        }
        String cldr = new Locale("", alpha2).getDisplayCountry(locale);
        // The JDK answers the code itself for a country it has no name for.
        return cldr.isBlank() || cldr.equals(alpha2) ? participant.name() : cldr;
    }

    /** An objective's official full title in a language; the stored title for English. */
    public String objectiveTitle(Objective objective, String language) {
        if ("en".equals(language)) {
            return objective.title();
        }
        return message(
                "framework.objective.title." + objective.number(), Locale.forLanguageTag(language), objective.title());
    }

    /** An objective's short title in a language; the stored short title for English. */
    public String objectiveShortTitle(Objective objective, String language) {
        if ("en".equals(language)) {
            return objective.shortTitle();
        }
        return message("objective." + objective.number(), Locale.forLanguageTag(language), objective.shortTitle());
    }

    /** A UN region's name ({@code AFRICA}...) in a language. */
    public String region(String region, String language) {
        return region == null ? "" : message("region." + region, Locale.forLanguageTag(language), region);
    }

    private String message(String key, Locale locale, String fallback) {
        return messages.getMessage(key, null, fallback, locale);
    }

    private static Map<String, String> alpha3ToAlpha2() {
        Map<String, String> codes = new HashMap<>();
        for (String alpha2 : Locale.getISOCountries()) {
            codes.put(new Locale("", alpha2).getISO3Country(), alpha2);
        }
        return Map.copyOf(codes);
    }

    private static Properties load(String resource) {
        Properties names = new Properties();
        try (InputStream in = ReferenceNames.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                names.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
