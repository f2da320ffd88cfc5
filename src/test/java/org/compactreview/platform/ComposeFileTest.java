package org.compactreview.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The production layout of docker-compose.yml and deploy/nginx.conf: two app nodes on one
 * PostgreSQL behind nginx, which alone is trusted for X-Forwarded-*. CI also runs {@code
 * docker-compose config} on the file (.ci/run); this test holds what that cannot check.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("docker-compose.yml");
    private static final Path NGINX = Path.of("deploy/nginx.conf");
    private static final String APP_PORT = "8080";
    private static final String PUBLIC_PORT = "8080";

    private static Map<String, Object> services;
    private static Map<String, Object> networks;
    private static String nginx;

    @BeforeAll
    static void load() throws IOException {
        Map<String, Object> compose = yaml(COMPOSE);
        services = map(compose.get("services"), "services");
        networks = map(compose.get("networks"), "networks");
        // Comments dropped, so a directive that is only mentioned in a comment does not count.
        nginx = Files.readAllLines(NGINX).stream()
                .map(line -> line.replaceFirst("#.*", ""))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void twoAppNodesShareOnePostgresqlAndMailpit() {
        assertThat(appNodes()).containsExactlyInAnyOrder("app-a", "app-b");
        String postgres = single(servicesWithImage("postgres"));
        String mailpit = single(servicesWithImage("axllent/mailpit"));
        for (String node : appNodes()) {
            Map<String, Object> environment = environment(node);
            assertThat(environment.get("SPRING_DATASOURCE_URL"))
                    .as(node)
                    .isEqualTo("jdbc:postgresql://" + postgres + ":5432/compactreview");
            assertThat(environment.get("SPRING_MAIL_HOST")).as(node).isEqualTo(mailpit);
            assertThat(service(node))
                    .as(node + " is reached through the proxy only")
                    .doesNotContainKey("ports");
        }
        assertThat(environment("app-b")).as("identical nodes").isEqualTo(environment("app-a"));
    }

    @Test
    void theSecondNodeStartsWhenTheFirstIsReady() {
        Map<String, Object> waitsFor = map(service("app-b").get("depends_on"), "app-b depends_on");
        assertThat(map(waitsFor.get("app-a"), "app-b depends_on app-a")).containsEntry("condition", "service_healthy");
        assertThat(map(service("app-a").get("depends_on"), "app-a depends_on")).doesNotContainKey("app-b");
        Map<String, Object> healthcheck = map(service("app-a").get("healthcheck"), "app-a healthcheck");
        assertThat(String.valueOf(healthcheck.get("test"))).contains("/actuator/health");
    }

    @Test
    void theProxyIsTheOfficialNginxOnThePublishedPort() {
        Map<String, Object> proxy = service("proxy");
        assertThat(image(proxy)).as("an official image has no namespace").matches("nginx:[^/]+");
        assertThat(list(proxy.get("ports"), "proxy ports")).contains(PUBLIC_PORT + ":" + PUBLIC_PORT);
        assertThat(list(proxy.get("volumes"), "proxy volumes"))
                .contains("./" + NGINX + ":/etc/nginx/conf.d/default.conf:ro");
        assertThat(directives("listen"))
                .as("nginx listens on the published port, the X-Forwarded-Port it sends")
                .containsExactly(PUBLIC_PORT);
        assertThat(service("proxy")).containsKey("healthcheck");
    }

    @Test
    void nginxSpreadsRequestsOverBothNodes() {
        Matcher upstream = Pattern.compile("upstream\\s+(\\w+)\\s*\\{([^}]*)}").matcher(nginx);
        assertThat(upstream.find()).as("an upstream block").isTrue();
        List<String> servers = new ArrayList<>();
        Matcher server = Pattern.compile("server\\s+([^\\s;]+)([^;]*);").matcher(upstream.group(2));
        while (server.find()) {
            servers.add(server.group(1));
            assertThat(server.group(2))
                    .as(server.group(1) + ": passive health check, round robin")
                    .contains("max_fails=", "fail_timeout=")
                    .doesNotContain("backup", "down", "weight=");
        }
        assertThat(servers)
                .containsExactlyInAnyOrderElementsOf(
                        appNodes().stream().map(node -> node + ":" + APP_PORT).toList());
        assertThat(upstream.group(2)).doesNotContain("ip_hash", "hash ", "least_conn", "sticky");
        assertThat(directives("proxy_pass")).containsExactly("http://" + upstream.group(1));
        assertThat(directives("proxy_next_upstream"))
                .as("a POST that reached a node is never sent to the other")
                .singleElement()
                .asString()
                .contains("error")
                .doesNotContain("non_idempotent");
    }

    @Test
    void nginxSetsEveryForwardedHeaderItself() {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String value : directives("proxy_set_header")) {
            String[] nameAndValue = value.split("\\s+", 2);
            headers.put(nameAndValue[0].toLowerCase(), nameAndValue[1]);
        }
        assertThat(headers.get("x-forwarded-for")).isIn("$remote_addr", "$proxy_add_x_forwarded_for");
        assertThat(headers)
                .containsEntry("x-forwarded-proto", "$scheme")
                .containsEntry("x-forwarded-port", "$server_port")
                .containsEntry("x-forwarded-host", "$host")
                .containsEntry("host", "$http_host");
    }

    @Test
    void nginxTakesTheAppsLargestRequest() throws IOException {
        Map<String, Object> multipart = map(
                map(
                                map(
                                                yaml(Path.of("src/main/resources/application.yml"))
                                                        .get("spring"),
                                                "spring")
                                        .get("servlet"),
                                "servlet")
                        .get("multipart"),
                "multipart");
        DataSize appLimit = DataSize.parse(String.valueOf(multipart.get("max-request-size")));
        String proxyLimit = single(directives("client_max_body_size")).toUpperCase();
        assertThat(DataSize.parse(proxyLimit.endsWith("B") ? proxyLimit : proxyLimit + "B"))
                .isGreaterThanOrEqualTo(appLimit);
    }

    @Test
    void onlyTheProxysFixedAddressIsTrustedForForwardedHeaders() {
        Map<String, Object> proxyNetworks = map(service("proxy").get("networks"), "proxy networks");
        String edge = single(List.copyOf(proxyNetworks.keySet()));
        String proxyAddress =
                String.valueOf(map(proxyNetworks.get(edge), "proxy on " + edge).get("ipv4_address"));
        Map<String, Object> edgeIpam = map(map(networks.get(edge), edge).get("ipam"), edge + " ipam");
        Map<String, Object> ipam =
                map(list(edgeIpam.get("config"), "ipam config").get(0), "ipam config");
        Cidr subnet = Cidr.parse(String.valueOf(ipam.get("subnet")));
        assertThat(subnet.contains(proxyAddress))
                .as(proxyAddress + " in " + subnet)
                .isTrue();
        assertThat(Cidr.parse(String.valueOf(ipam.get("ip_range"))).contains(proxyAddress))
                .as("the proxy's address is outside the range given to other containers")
                .isFalse();
        for (String node : appNodes()) {
            assertThat(list(service(node).get("networks"), node + " networks")).contains(edge);
            Pattern trusted =
                    Pattern.compile(String.valueOf(environment(node).get("SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES")));
            List<String> matching = subnet.hosts().stream()
                    .filter(address -> trusted.matcher(address).matches())
                    .toList();
            assertThat(matching).as(node + " trusts only the proxy").containsExactly(proxyAddress);
            assertThat(trusted.matcher("127.0.0.1").matches()).as(node).isFalse();
        }
    }

    @Test
    void everyImageIsPinnedToAVersion() {
        for (String name : services.keySet()) {
            Map<String, Object> service = service(name);
            if (service.containsKey("build")) {
                continue;
            }
            assertThat(image(service)).as(name).matches("[^:]+:[^:]+").doesNotEndWith(":latest");
        }
    }

    private static List<String> appNodes() {
        return services.keySet().stream()
                .filter(name -> service(name).containsKey("build"))
                .toList();
    }

    private static List<String> servicesWithImage(String repository) {
        return services.keySet().stream()
                .filter(name -> image(service(name)).startsWith(repository + ":"))
                .toList();
    }

    private static Map<String, Object> service(String name) {
        return map(services.get(name), "service " + name);
    }

    private static Map<String, Object> environment(String node) {
        return map(service(node).get("environment"), node + " environment");
    }

    private static String image(Map<String, Object> service) {
        return String.valueOf(service.get("image"));
    }

    /** The values of a directive in nginx.conf, wherever it is. */
    private static List<String> directives(String name) {
        Matcher directive = Pattern.compile("(?m)^\\s*" + name + "\\s+([^;]+);").matcher(nginx);
        List<String> values = new ArrayList<>();
        while (directive.find()) {
            values.add(directive.group(1).trim());
        }
        return values;
    }

    private static <T> T single(List<T> values) {
        assertThat(values).hasSize(1);
        return values.get(0);
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        // A key written twice is an error, not the last one silently winning.
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (Reader reader = Files.newBufferedReader(file)) {
            return map(new Yaml(new SafeConstructor(options)).load(reader), file.toString());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        assertThat(value).as(what).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Object value, String what) {
        if (value instanceof Map<?, ?> keys) {
            return (List<T>) List.copyOf(keys.keySet());
        }
        assertThat(value).as(what).isInstanceOf(List.class);
        return (List<T>) value;
    }

    /** An IPv4 network such as 10.0.0.0/24. */
    private record Cidr(long base, int prefix) {

        static Cidr parse(String cidr) {
            String[] parts = cidr.split("/");
            return new Cidr(address(parts[0]), Integer.parseInt(parts[1]));
        }

        boolean contains(String address) {
            long mask = (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
            return (address(address) & mask) == (base & mask);
        }

        /** Every address but the network's and the broadcast address. */
        List<String> hosts() {
            List<String> hosts = new ArrayList<>();
            for (long address = base + 1; address < base + (1L << (32 - prefix)) - 1; address++) {
                hosts.add(String.format(
                        "%d.%d.%d.%d", address >> 24, (address >> 16) & 255, (address >> 8) & 255, address & 255));
            }
            return hosts;
        }

        private static long address(String dotted) {
            long address = 0;
            for (String octet : dotted.split("\\.")) {
                address = (address << 8) | Integer.parseInt(octet);
            }
            return address;
        }
    }
}
