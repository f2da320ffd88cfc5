package org.compactreview.support.fault;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's browser session, reduced to its cookie: signs in through the sign-in form of one
 * node (with its CSRF token) and can then ask any node for a page with the same cookie.
 */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("SESSION=([^;]+)");

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private String cookie;

    public record Page(int status, String location, String body, long millis) {}

    public static WebSession signIn(AppNode node, String username, String password) throws IOException {
        WebSession session = new WebSession();
        Page form = session.get(node, "/login");
        Matcher csrf = CSRF.matcher(form.body());
        if (form.status() != 200 || !csrf.find()) {
            throw new IllegalStateException("no sign-in form: " + form.status());
        }
        String body =
                "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        Page signedIn = session.send(
                node,
                HttpRequest.newBuilder(URI.create(node.baseUri() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (signedIn.status() != 302 || signedIn.location().contains("error")) {
            throw new IllegalStateException("sign-in refused: " + signedIn.status() + " " + signedIn.location());
        }
        return session;
    }

    public Page get(AppNode node, String path) throws IOException {
        return send(
                node, HttpRequest.newBuilder(URI.create(node.baseUri() + path)).GET());
    }

    private Page send(AppNode node, HttpRequest.Builder request) throws IOException {
        if (cookie != null) {
            request.header("Cookie", "SESSION=" + cookie);
        }
        request.header("Accept-Language", "en").timeout(Duration.ofSeconds(60));
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").forEach(header -> {
                Matcher session = SESSION.matcher(header);
                if (session.find()) {
                    cookie = session.group(1);
                }
            });
            return new Page(
                    response.statusCode(),
                    response.headers().firstValue("Location").orElse(""),
                    response.body(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
