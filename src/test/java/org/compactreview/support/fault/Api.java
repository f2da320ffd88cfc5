package org.compactreview.support.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JSON API as a client sees it, behind a round-robin "load balancer" over the nodes still
 * alive. A request to a node that dies throws {@link IOException}: its outcome is unknown to the
 * caller, which must read the state again, exactly as a real client would.
 */
public final class Api {

    public static final String PASSWORD = "demo";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final List<AppNode> nodes;
    private final AtomicInteger turn = new AtomicInteger();
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> answered = new ConcurrentHashMap<>();
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public Api(List<AppNode> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    public record Answer(int status, JsonNode body, long millis) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    public Answer get(String user, String path) throws IOException {
        return call(user, "GET", path, null);
    }

    public Answer post(String user, String path, Object body) throws IOException {
        return call(user, "POST", path, body);
    }

    public Answer put(String user, String path, Object body) throws IOException {
        return call(user, "PUT", path, body);
    }

    /** The next node alive, in turn. */
    public AppNode node() {
        int first = turn.getAndIncrement();
        for (int i = 0; i < nodes.size(); i++) {
            AppNode node = nodes.get(Math.floorMod(first + i, nodes.size()));
            if (node.alive()) {
                return node;
            }
        }
        throw new IllegalStateException("no node is alive");
    }

    /** The password of a user created by the test (the demo users' is {@value #PASSWORD}). */
    public void password(String user, String password) {
        passwords.put(user, password);
    }

    public boolean anyAlive() {
        return nodes.stream().anyMatch(AppNode::alive);
    }

    /** How many answers each node gave (by node name). */
    public Map<String, Integer> answersByNode() {
        Map<String, Integer> copy = new java.util.TreeMap<>();
        answered.forEach((node, count) -> copy.put(node, count.get()));
        return copy;
    }

    public Answer call(String user, String method, String path, Object body) throws IOException {
        AppNode node = node();
        String password = passwords.getOrDefault(user, PASSWORD);
        String credentials =
                Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.baseUri() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                .build();
        long started = System.nanoTime();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            long millis = (System.nanoTime() - started) / 1_000_000;
            answered.computeIfAbsent(node.name(), name -> new AtomicInteger()).incrementAndGet();
            return new Answer(response.statusCode(), parse(response.body()), millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return TextNode.valueOf(new String(body, StandardCharsets.UTF_8));
        }
    }
}
