package org.compactreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import org.compactreview.identity.AppUser;
import org.compactreview.identity.Role;
import org.compactreview.identity.UserDirectory;
import org.compactreview.identity.UserDraft;
import org.compactreview.platform.UiLanguages;
import org.compactreview.platform.UiLanguages.UiLanguage;
import org.compactreview.support.FormClient;
import org.compactreview.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The six UI languages as a browser meets them: the menu offers each in its own name, {@code
 * ?lang=} and Accept-Language pick one, a user's choice is kept, an administrator sets it, and the
 * fonts for Chinese and Arabic come from the application itself, cached.
 */
class UiLanguagesIT extends IntegrationTest {

    @Autowired
    UserDirectory directory;

    @Test
    void theMenuOffersEveryLanguageInItsOwnNameAndLangSwitchesThePage() {
        FormClient client = new FormClient(http.getRootUri());
        for (UiLanguage language : UiLanguages.all()) {
            String body = client.get("/login?lang=" + language.tag()).body();
            assertThat(body)
                    .as(language.tag())
                    .contains("<html lang=\"" + language.tag() + "\" dir=\"" + language.direction() + "\"");
            for (UiLanguage offered : UiLanguages.all()) {
                assertThat(body)
                        .as(language.tag() + " offers " + offered.tag())
                        .containsPattern("<a class=\"nav-link\" href=\"[^\"]*lang=" + offered.tag() + "\" lang=\""
                                + offered.tag() + "\"[^>]*><span dir=\"" + offered.direction() + "\">"
                                + offered.nativeName() + "</span></a>");
            }
            assertThat(body)
                    .as(language.tag())
                    .containsPattern("aria-current=\"true\"><span dir=\"" + language.direction() + "\">"
                            + language.nativeName() + "<");
            assertThat(body).doesNotContain("??");
        }
        assertThat(client.get("/login?lang=zh").body()).contains("<html lang=\"zh\" dir=\"ltr\"");
        assertThat(client.get("/login?lang=ar").body()).contains("<html lang=\"ar\" dir=\"rtl\"");
    }

    @Test
    void aBrowserAskingForARegionOrAScriptGetsItsLanguage() {
        Map<String, String> asked = Map.of(
                "zh-CN,zh;q=0.9", "zh",
                "zh-Hans", "zh",
                "ru-RU,ru;q=0.9,en;q=0.8", "ru",
                "de-DE,de;q=0.9", "en");
        asked.forEach((header, language) -> assertThat(
                        new FormClient(http.getRootUri()).get("/login", header).body())
                .as(header)
                .contains("<html lang=\"" + language + "\""));
    }

    @Test
    void aUsersChoiceOfRussianFollowsThemToAnotherBrowser() {
        String username = "fp-rus-" + Long.toString(System.nanoTime(), 36);
        directory.create(
                username,
                "a-long-password",
                new UserDraft("Focal point", null, null, true, Set.of(Role.FOCAL_POINT), Set.of("EGY")));
        FormClient first = new FormClient(http.getRootUri());
        assertThat(first.signIn(username, "a-long-password").statusCode()).isEqualTo(302);
        assertThat(first.get("/inbox?lang=ru-RU").body()).contains("<html lang=\"ru\" dir=\"ltr\"");
        assertThat(directory.find(username).map(AppUser::locale)).contains("ru");

        FormClient second = new FormClient(http.getRootUri());
        second.signIn(username, "a-long-password");
        assertThat(second.get("/inbox", "en").body()).contains("<html lang=\"ru\"");
    }

    @Test
    void anAdministratorSetsAUsersLanguageFromTheList() {
        String username = "fp-chn-" + Long.toString(System.nanoTime(), 36);
        FormClient admin = new FormClient(http.getRootUri());
        admin.signIn("admin", "demo");
        String form = admin.get("/admin/users/new").body();
        for (UiLanguage language : UiLanguages.all()) {
            assertThat(form).contains("value=\"" + language.tag() + "\" lang=\"" + language.tag() + "\"");
        }
        HttpResponse<String> refused = admin.post(
                "/admin/users/new",
                "/admin/users",
                Map.of(
                        "username", username,
                        "password", "a-long-password",
                        "displayName", "Focal point, China",
                        "locale", "de",
                        "enabled", "true",
                        "roles", "FOCAL_POINT",
                        "participants", "CHN"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Choose one of the languages of the interface.");
        assertThat(directory.find(username)).isEmpty();

        HttpResponse<String> saved = admin.post(
                "/admin/users/new",
                "/admin/users",
                Map.of(
                        "username", username,
                        "password", "a-long-password",
                        "displayName", "Focal point, China",
                        "locale", "zh",
                        "enabled", "true",
                        "roles", "FOCAL_POINT",
                        "participants", "CHN"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(directory.find(username).map(AppUser::locale)).contains("zh");
        assertThat(admin.get("/admin/users/" + username).body())
                .contains("value=\"zh\" lang=\"zh\" dir=\"ltr\" selected=\"selected\"");
    }

    @Test
    void theApiRefusesALanguageThatIsNoUiLanguage() {
        ResponseEntity<String> answer = as("admin")
                .exchange(
                        "/api/v1/users/fp-egy",
                        HttpMethod.PUT,
                        new HttpEntity<>(Map.of(
                                "displayName",
                                "Focal point, Egypt",
                                "locale",
                                "zh-CN",
                                "roles",
                                Set.of("FOCAL_POINT"),
                                "participants",
                                Set.of("EGY"))),
                        String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).contains("\"field\":\"locale\"");
    }

    @Test
    void chineseAndArabicFontsAreServedByTheAppAndKeptForAYear() throws Exception {
        FormClient client = new FormClient(http.getRootUri());
        String css = client.get("/assets/css/fonts.css").body();
        assertThat(css).contains("font-family: 'Noto Sans SC'").contains("font-family: 'Noto Sans Arabic'");
        java.util.regex.Matcher font = java.util.regex.Pattern.compile("url\\(\\.\\./(fonts/[^)]+\\.woff2)\\)")
                .matcher(css);
        int checked = 0;
        while (font.find()) {
            assertThat(new ClassPathResource("static/" + font.group(1)).exists())
                    .as(font.group(1))
                    .isTrue();
            checked++;
        }
        assertThat(checked).isGreaterThan(150);

        ResponseEntity<byte[]> chunk =
                http.getForEntity("/assets/fonts/noto-sans-sc-5.3.0/noto-sans-sc-100-400-normal.woff2", byte[].class);
        assertThat(chunk.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(chunk.getBody()).startsWith((byte) 'w', (byte) 'O', (byte) 'F', (byte) '2');
        assertThat(chunk.getHeaders().getCacheControl())
                .contains("max-age=31536000")
                .contains("immutable");

        HttpHeaders page = http.getForEntity("/login", String.class).getHeaders();
        assertThat(page.getFirst("Content-Security-Policy")).contains("font-src 'self'");
    }
}
