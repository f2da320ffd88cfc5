package org.compactreview.support.fault;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;

/**
 * The people of an annual cycle, as API clients: one focal point representing all 193 member
 * states saves and submits, the secretariat validates and returns every fifth report once. Each
 * step reads the report first, so work resumes correctly after a crash whatever the outcome of the
 * request that was in flight. It keeps a ledger of what the server acknowledged and what is in
 * doubt (no answer, or a 5xx), for {@link Ledger} to hold the database to.
 */
public final class ReviewWork {

    public static final String FOCAL_POINT = "fp-world";
    public static final String FOCAL_POINT_PASSWORD = "fault-tests-password";
    public static final String SECRETARIAT = "secretariat";

    private final Api api;
    private final long cycleId;
    private final String processInstanceId;
    private final Map<Long, String> participants = new HashMap<>();
    private final ConcurrentLinkedQueue<Long> queue = new ConcurrentLinkedQueue<>();
    private final Map<Long, Counts> counts = new ConcurrentHashMap<>();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicInteger failedRequests = new AtomicInteger();

    /** What one report went through, as the clients saw it. */
    public static final class Counts {
        public final AtomicInteger submitted = new AtomicInteger();
        public final AtomicInteger submitInDoubt = new AtomicInteger();
        public final AtomicInteger validated = new AtomicInteger();
        public final AtomicInteger validateInDoubt = new AtomicInteger();
        public final AtomicInteger saved = new AtomicInteger();
        public final AtomicInteger saveInDoubt = new AtomicInteger();
        /**
         * The drafts saved, by the submitted version they were made for ({@link #draft}'s content
         * depends on nothing else): a save of the same content again changes nothing and records
         * nothing, so the audit trail holds one record per distinct draft acknowledged, and at
         * most one per distinct draft sent.
         */
        public final Set<Integer> draftsAcknowledged = ConcurrentHashMap.newKeySet();

        public final Set<Integer> draftsInDoubt = ConcurrentHashMap.newKeySet();
    }

    private ReviewWork(Api api, long cycleId, String processInstanceId, JsonNode reports) {
        this.api = api;
        this.cycleId = cycleId;
        this.processInstanceId = processInstanceId;
        for (JsonNode report : reports) {
            long id = report.get("id").asLong();
            participants.put(id, report.get("participantCode").asText());
            counts.put(id, new Counts());
            queue.add(id);
        }
    }

    private ReviewWork(ReviewWork from, Api api) {
        this.api = api;
        this.cycleId = from.cycleId;
        this.processInstanceId = from.processInstanceId;
        this.participants.putAll(from.participants);
        this.queue.addAll(from.queue);
        this.counts.putAll(from.counts);
        this.acknowledged.set(from.acknowledged.get());
        this.failedRequests.set(from.failedRequests.get());
    }

    /** The same work, with the same ledger, carried on through other nodes (after a restart). */
    public ReviewWork on(Api other) {
        other.password(FOCAL_POINT, FOCAL_POINT_PASSWORD);
        return new ReviewWork(this, other);
    }

    /** Creates the focal point of every member state (an administrator's API call). */
    public static void createFocalPoint(Api api, List<String> participantCodes) throws IOException {
        api.password(FOCAL_POINT, FOCAL_POINT_PASSWORD);
        check(
                api.post(
                        "admin",
                        "/api/v1/users",
                        Map.of(
                                "username", FOCAL_POINT,
                                "password", FOCAL_POINT_PASSWORD,
                                "user",
                                        Map.of(
                                                "displayName",
                                                "Focal point of every member state",
                                                "email",
                                                FOCAL_POINT + "@demo.invalid",
                                                "enabled",
                                                true,
                                                "roles",
                                                List.of("FOCAL_POINT"),
                                                "participants",
                                                participantCodes))),
                "create " + FOCAL_POINT);
    }

    /** Opens an annual cycle for all member states and reads its 193 reports. */
    public static ReviewWork open(Api api, String period, Instant reminderAt) throws IOException {
        Map<String, Object> request = new HashMap<>();
        request.put("kind", "ANNUAL_REVIEW");
        request.put("period", period);
        request.put("submissionDue", Instant.now().plus(30, ChronoUnit.DAYS).toString());
        if (reminderAt != null) {
            request.put("reminderAt", reminderAt.toString());
        }
        Api.Answer cycle = check(api.post(SECRETARIAT, "/api/v1/cycles", request), "open cycle");
        long cycleId = cycle.body().get("id").asLong();
        Api.Answer reports = check(api.get(SECRETARIAT, "/api/v1/reports?cycleId=" + cycleId), "list reports");
        return new ReviewWork(
                api, cycleId, cycle.body().get("processInstanceId").asText(), reports.body());
    }

    public long cycleId() {
        return cycleId;
    }

    /** The cycle's process instance in the engine. */
    public String processInstanceId() {
        return processInstanceId;
    }

    public int reports() {
        return participants.size();
    }

    public Map<Long, Counts> counts() {
        return counts;
    }

    /** Steps the server acknowledged so far (saves, submissions, validations). */
    public int acknowledged() {
        return acknowledged.get();
    }

    public int failedRequests() {
        return failedRequests.get();
    }

    /**
     * Works on {@code threads} threads until every report is accepted. A report whose request fails
     * goes back to the queue; when no node is alive the threads end.
     */
    public void run(int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                workers.add(pool.submit(() -> {
                    Long report;
                    while (api.anyAlive() && (report = queue.poll()) != null) {
                        if (!step(report)) {
                            queue.add(report);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    public boolean finished() {
        return queue.isEmpty();
    }

    /**
     * Once every report is accepted, the job executor consolidates the cycle; then the secretariat
     * prepares the meeting and records its outcomes, which closes the cycle.
     */
    public void closeCycle() throws IOException {
        String path = "/api/v1/cycles/" + cycleId;
        Awaitility.await("cycle " + cycleId + " consolidated by the job executor")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> "CONSOLIDATED"
                        .equals(api.get(SECRETARIAT, path).body().path("status").asText()));
        check(
                api.post(
                        SECRETARIAT,
                        path + "/meeting/preparation",
                        Map.of("meetingDate", "2027-06-15", "agenda", "Progress")),
                "prepare meeting");
        Api.Answer closed = check(
                api.post(
                        SECRETARIAT,
                        path + "/meeting/outcomes",
                        Map.of("outcomes", "Agreed", "decisions", List.of("Peer exchange"))),
                "record outcomes");
        if (!"CLOSED".equals(closed.body().path("status").asText())) {
            throw new IllegalStateException("cycle not closed: " + closed.body());
        }
    }

    /** One step on one report; true when the report is accepted. */
    private boolean step(long id) {
        Counts count = counts.get(id);
        try {
            Api.Answer read = api.get(FOCAL_POINT, "/api/v1/reports/" + id);
            if (!read.ok()) {
                failedRequests.incrementAndGet();
                return false;
            }
            JsonNode report = read.body();
            String path = "/api/v1/reports/" + id;
            switch (report.get("status").asText()) {
                case "ACCEPTED" -> {
                    return true;
                }
                case "DRAFT", "RETURNED" -> {
                    int draftFor = report.get("submittedVersion").asInt();
                    int inDoubtBefore = count.saveInDoubt.get();
                    boolean saved =
                            attempt(() -> api.put(FOCAL_POINT, path, draft(report)), count.saved, count.saveInDoubt);
                    if (saved) {
                        count.draftsAcknowledged.add(draftFor);
                    } else if (count.saveInDoubt.get() > inDoubtBefore) {
                        count.draftsInDoubt.add(draftFor);
                    }
                    if (saved) {
                        attempt(
                                () -> api.post(FOCAL_POINT, path + "/submit", Map.of()),
                                count.submitted,
                                count.submitInDoubt);
                    }
                }
                case "SUBMITTED" -> {
                    boolean returnOnce =
                            returnsOnce(id) && report.get("submittedVersion").asInt() == 1;
                    Map<String, Object> decision = returnOnce
                            ? Map.of("decision", "RETURN", "comment", "Please add figures for objective 7.")
                            : Map.of("decision", "ACCEPT");
                    attempt(
                            () -> api.post(SECRETARIAT, path + "/validation", decision),
                            count.validated,
                            count.validateInDoubt);
                }
                default -> throw new IllegalStateException("report " + id + " is " + report.get("status"));
            }
        } catch (IOException noAnswer) {
            failedRequests.incrementAndGet();
        }
        return false;
    }

    private interface Call {
        Api.Answer send() throws IOException;
    }

    /**
     * One state-changing request. Acknowledged: counted as done. No answer or a 5xx: counted as
     * in doubt (it may or may not have happened). A 4xx (e.g. 409 after a step in doubt) changed
     * nothing.
     */
    private boolean attempt(Call call, AtomicInteger done, AtomicInteger inDoubt) {
        Api.Answer answer;
        try {
            answer = call.send();
        } catch (IOException noAnswer) {
            inDoubt.incrementAndGet();
            failedRequests.incrementAndGet();
            return false;
        }
        if (answer.ok()) {
            done.incrementAndGet();
            acknowledged.incrementAndGet();
            return true;
        }
        failedRequests.incrementAndGet();
        if (answer.status() >= 500) {
            inDoubt.incrementAndGet();
        }
        return false;
    }

    /** Every fifth member state, by report id, is returned once. */
    public static boolean returnsOnce(long reportId) {
        return reportId % 5 == 0;
    }

    /**
     * A complete draft of a report as read from the API: every objective rated and described, its
     * text naming the participant; the ratings change with each submitted version.
     */
    public static Map<String, Object> draft(JsonNode report) {
        List<Map<String, Object>> entries = new ArrayList<>();
        int version = report.get("submittedVersion").asInt();
        for (int objective = 1; objective <= 23; objective++) {
            Map<String, Object> entry = new HashMap<>();
            entry.put("objective", objective);
            entry.put("rating", (objective + version) % 5);
            entry.put("achievements", report.get("participantCode").asText() + ": progress on objective " + objective);
            entry.put("obstacles", "Funding");
            entry.put("priorities", "Data");
            entry.put("supportNeeded", objective == 5);
            entries.add(entry);
        }
        return Map.of("lockVersion", report.get("lockVersion").asInt(), "entries", entries);
    }

    private static Api.Answer check(Api.Answer answer, String what) {
        if (!answer.ok()) {
            throw new IllegalStateException(what + " answered " + answer.status() + ": " + answer.body());
        }
        return answer;
    }
}
