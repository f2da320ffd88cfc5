package org.compactreview.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.compactreview.support.fault.Api;
import org.compactreview.support.fault.AppNode;
import org.compactreview.support.fault.FaultTest;
import org.compactreview.support.fault.ReviewWork;
import org.compactreview.support.fault.WebSession;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL is stopped for 30 seconds while eight users work on a cycle: every request in that
 * time fails fast with 503 (a problem document for the API, a page for people), the app comes
 * back by itself when the database does, and nothing is half-written.
 */
class DatabaseOutageIT extends FaultTest {

    private static final Duration OUTAGE = Duration.ofSeconds(30);

    private record Probe(long at, String what, int status, long millis, String type) {}

    @Test
    void duringAnOutageRequestsAnswer503FastAndAfterItTheAppRecoversWithNothingHalfWritten() throws Exception {
        AppNode node = node("outage").start();
        Api api = new Api(List.of(node));
        ReviewWork work = cycleForAllMemberStates(api, "outage", null);
        WebSession secretariat = WebSession.signIn(node, "secretariat", Api.PASSWORD);

        // Users at work, and a probe asking for the inbox and a page four times a second.
        AtomicBoolean stopProbing = new AtomicBoolean();
        List<Probe> probes = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> users = CompletableFuture.runAsync(() -> run(work));
        CompletableFuture<Void> prober = CompletableFuture.runAsync(() -> {
            while (!stopProbing.get()) {
                probes.add(probeApi(api));
                probes.add(probePage(secretariat, node));
                pause(250);
            }
        });
        Awaitility.await().atMost(2, TimeUnit.MINUTES).until(() -> work.acknowledged() >= 40);

        // The outage.
        postgres.stop();
        long stoppedAt = System.currentTimeMillis();
        Thread.sleep(OUTAGE.toMillis()); // wall-clock time the database stays away, not a timer
        long restartingAt = System.currentTimeMillis();
        postgres.start();
        long restartedAt = System.currentTimeMillis();

        // Back by itself: the first answer of the inbox after the database returned.
        Awaitility.await("the app answers again")
                .atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> api.get(ReviewWork.FOCAL_POINT, "/api/v1/tasks").status() == 200);
        long recoveredAfter = System.currentTimeMillis() - restartedAt;
        users.get(10, TimeUnit.MINUTES);
        stopProbing.set(true);
        prober.get(1, TimeUnit.MINUTES);
        assertThat(work.finished()).isTrue();
        work.closeCycle();

        List<Probe> duringOutage = probes.stream()
                .filter(probe -> probe.at() > stoppedAt + 1000 && probe.at() + probe.millis() < restartingAt)
                .toList();
        // Each probe waits out the pool's 3 s connection timeout, so a 30 s outage holds about ten.
        assertThat(duringOutage).as("probes during the outage").hasSizeGreaterThanOrEqualTo(6);
        assertThat(duringOutage.stream().map(Probe::what).distinct()).containsExactlyInAnyOrder("api", "page");
        assertThat(duringOutage)
                .as("every request during the outage answers 503 saying why")
                .allSatisfy(probe -> {
                    assertThat(probe.status()).isEqualTo(503);
                    assertThat(probe.type()).isEqualTo("unavailable");
                });
        long slowest = duringOutage.stream().mapToLong(Probe::millis).max().orElseThrow();
        assertThat(slowest)
                .as("no request hangs while the database is away (ms)")
                .isLessThan(10_000);

        Map<String, Integer> figures = ledger(work);
        List<Long> millis = duringOutage.stream().map(Probe::millis).sorted().toList();
        System.out.printf(
                "outage: %d s; %d probes during it, all 503, p50 %d ms, p95 %d ms, max %d ms; back %d ms after"
                        + " the database; %d requests failed in all; %d steps acknowledged; %s%n",
                OUTAGE.toSeconds(),
                duringOutage.size(),
                millis.get(millis.size() / 2),
                millis.get((int) (millis.size() * 0.95)),
                slowest,
                recoveredAfter,
                work.failedRequests(),
                work.acknowledged(),
                figures);
    }

    /** Eight users keep working through the outage, retrying what fails, until the cycle is done. */
    private static void run(ReviewWork work) {
        try {
            while (!work.finished() || work.acknowledged() == 0) {
                work.run(8);
                if (!work.finished()) {
                    pause(500);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Probe probeApi(Api api) {
        long at = System.currentTimeMillis();
        try {
            Api.Answer answer = api.get(ReviewWork.FOCAL_POINT, "/api/v1/tasks?size=5");
            String type = answer.body().path("type").asText("").replace("urn:compact-review:problem:", "");
            return new Probe(at, "api", answer.status(), answer.millis(), answer.ok() ? "ok" : type);
        } catch (IOException e) {
            return new Probe(at, "api", -1, System.currentTimeMillis() - at, e.toString());
        }
    }

    private static Probe probePage(WebSession session, AppNode node) {
        long at = System.currentTimeMillis();
        try {
            WebSession.Page page = session.get(node, "/validation");
            String type = page.status() == 503 && page.body().contains("id=\"unavailable\"") ? "unavailable" : "page";
            return new Probe(at, "page", page.status(), page.millis(), type);
        } catch (IOException e) {
            return new Probe(at, "page", -1, System.currentTimeMillis() - at, e.toString());
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
