package org.compactreview.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser reduced to its session cookie, over real HTTP against the test server: signs in
 * through the sign-in form with its CSRF token, asks for pages and posts forms without following
 * redirects, so a test sees exactly what the server answered.
 */
public final class FormClient {

    private static final Pattern CSRF = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String root;
    private final HttpClient client =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String cookie;

    public FormClient(String root) {
        this.root = root;
    }

    /** Signs in; returns the answer to the sign-in form's post (302 to the page or back to /login). */
    public HttpResponse<String> signIn(String username, String password) {
        return post("/login", "/login", Map.of("username", username, "password", password));
    }

    public HttpResponse<String> get(String path) {
        return get(path, "en");
    }

    /** Asks for a page as a browser set to {@code language} would (nothing is remembered). */
    public HttpResponse<String> get(String path, String language) {
        return send(HttpRequest.newBuilder(URI.create(root + path)).GET(), language);
    }

    /** Posts a form as the page at {@code formPage} would, with that page's CSRF token. */
    public HttpResponse<String> post(String formPage, String path, Map<String, String> fields) {
        HttpResponse<String> page = get(formPage);
        Matcher token = CSRF.matcher(page.body());
        if (!token.find()) {
            throw new IllegalStateException(formPage + " has no form token (" + page.statusCode() + ")");
        }
        String body = fields.entrySet().stream()
                        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                        .collect(Collectors.joining("&"))
                + "&_csrf=" + encode(token.group(1));
        return send(HttpRequest.newBuilder(URI.create(root + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public String cookie() {
        return cookie;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, "en");
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String language) {
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        try {
            HttpResponse<String> response = client.send(
                    request.header("Accept-Language", language).build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("SESSION="))
                    .findFirst()
                    .ifPresent(c -> cookie = c.split(";")[0]);
            return response;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
