package org.compactreview.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.compactreview.cycle.CycleKind;
import org.compactreview.cycle.CycleService;
import org.compactreview.cycle.CycleStatus;
import org.compactreview.cycle.MeetingService;
import org.compactreview.cycle.OpenCycleRequest;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;
import org.compactreview.report.Report;
import org.compactreview.report.ReportEntry;
import org.compactreview.report.ReportService;
import org.compactreview.report.ReportStatus;
import org.compactreview.report.ValidationDecision;
import org.compactreview.support.FormClient;
import org.compactreview.support.IntegrationTest;
import org.compactreview.support.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The secretariat's pages over HTTP with the 193 member states and 10 past annual cycles (issue
 * 13): median, p95 and max of {@code benchmark.pages.requests} timed requests per page (30 by
 * default, after {@code benchmark.pages.warm-up} untimed ones, 5 by default), the bytes of the
 * answer, the CPU per request of the JVM (server and this client) and PostgreSQL, and the SQL
 * statements of one untimed counted request. Every page is asked for by a real HTTP client with
 * the session cookie of a real sign-in (the sign-in form with its CSRF token, {@link FormClient}),
 * as the secretariat, one request at a time.
 *
 * <p>The pages and files measured are listed in one place, {@link #pages}; any answer other than
 * 200 fails the run after the table is printed.
 *
 * <p>Seeding, all through the app's own services and processes, with the engine clock moved (no
 * row is written behind the app's back): 10 past cycles, a year apart, each opened for every member
 * state, its reports saved with ratings that differ by participant, objective and year (so that a
 * comparison between years finds improvements, regressions and unchanged ratings), texts of about
 * 200 characters per field, and support needed on some objectives; most submitted on time, 4 late
 * (after the due date, with the overdue timers run), 2 never submitted (the window's timer closes
 * them), 1 in 40 returned once and accepted at the second submission; then consolidated by the
 * process and taken to CLOSED through the meeting's two steps. One open cycle has its reports at
 * mixed stages: untouched drafts, saved drafts, submitted, returned and accepted, and the
 * unsubmitted ones overdue. Seeding takes minutes on two cores; its time is printed.
 *
 * <p>Run with {@code mvn -B -Pbenchmark -Dit.test=SecretariatPagesBenchmark verify}; smaller runs
 * with {@code -Dbenchmark.history=2 -Dbenchmark.pages.requests=10}. It writes its lines to {@code
 * target/benchmark-pages.txt}.
 */
class SecretariatPagesBenchmark extends IntegrationTest {

    private static final int HISTORY = Integer.getInteger("benchmark.history", 10);
    private static final int REQUESTS = Integer.getInteger("benchmark.pages.requests", 30);
    private static final int WARM_UP = Integer.getInteger("benchmark.pages.warm-up", 5);
    private static final int THREADS = 8;
    private static final int OBJECTIVES = 23;
    private static final int NEVER_SUBMITTED = 2;
    private static final int LATE = 4;
    private static final int RETURN_ONE_IN = 40;
    private static final int RETURN_IN_OPEN_CYCLE_ONE_IN = 6;

    @Autowired
    CycleService cycles;

    @Autowired
    MeetingService meetings;

    @Autowired
    ReportService reports;

    @Autowired
    FrameworkCatalog framework;

    private final List<String> lines = new ArrayList<>();

    /** The requests measured; the coordinator adds the pages and exports of issue 13 here. */
    private static List<NamedRequest> pages(Seeded seeded) {
        long open = seeded.openCycle();
        long past = seeded.lastPastCycle();
        return List.of(
                new NamedRequest("board, open cycle", "/cycles/" + open),
                new NamedRequest(
                        "board, open cycle, region + overdue",
                        "/cycles/" + open + "?region=" + encode(seeded.region()) + "&overdue=true"),
                new NamedRequest("board, open cycle, stage SUBMITTED", "/cycles/" + open + "?stage=SUBMITTED"),
                new NamedRequest("board, open cycle, page 3", "/cycles/" + open + "?page=3"),
                new NamedRequest("board, open cycle, search", "/cycles/" + open + "?q=republic"),
                new NamedRequest("board, last past cycle", "/cycles/" + past),
                new NamedRequest("cycles overview", "/cycles/overview"),
                new NamedRequest("summary, last past cycle", "/cycles/" + past + "/summary"),
                new NamedRequest("summary, open cycle", "/cycles/" + open + "/summary"),
                new NamedRequest("process view, open cycle", "/cycles/" + open + "/process"),
                new NamedRequest("audit list, first page", "/audit"),
                new NamedRequest("audit list, one cycle", "/audit?objectType=cycle&objectId=" + past),
                new NamedRequest("benchmarking, last past cycle", "/benchmarking?cycle=" + past),
                new NamedRequest("benchmarking, participant", "/benchmarking/participants/" + seeded.participant()),
                new NamedRequest(
                        "benchmarking, region", "/benchmarking/regions/" + encode(seeded.region()) + "?cycle=" + past),
                new NamedRequest(
                        "benchmarking distribution CSV",
                        "/benchmarking/cycles/" + past + "/tables/benchmarking-distribution/export?format=csv"),
                new NamedRequest(
                        "benchmarking participants XLSX",
                        "/benchmarking/cycles/" + past + "/tables/benchmarking-participants/export?format=xlsx"),
                new NamedRequest(
                        "benchmarking regions PDF",
                        "/benchmarking/cycles/" + past + "/tables/benchmarking-regions/export?format=pdf"),
                new NamedRequest(
                        "participant profile PDF",
                        "/benchmarking/participants/" + seeded.participant()
                                + "/tables/benchmarking-profile/export?format=pdf"),
                new NamedRequest("summary CSV, last past cycle", "/cycles/" + past + "/export/summary?format=csv"),
                new NamedRequest("summary XLSX, last past cycle", "/cycles/" + past + "/export/summary?format=xlsx"),
                new NamedRequest("summary PDF, last past cycle", "/cycles/" + past + "/export/summary?format=pdf"),
                new NamedRequest("status CSV, open cycle", "/cycles/" + open + "/export/status?format=csv"),
                new NamedRequest("status XLSX, open cycle", "/cycles/" + open + "/export/status?format=xlsx"),
                new NamedRequest("status PDF, open cycle", "/cycles/" + open + "/export/status?format=pdf"),
                new NamedRequest("report printable page", "/reports/" + seeded.acceptedReport() + "/print"),
                new NamedRequest("report PDF, accepted report", "/reports/" + seeded.acceptedReport() + "/pdf"));
    }

    @Test
    void secretariatPagesWithTenPastCycles() throws Exception {
        try {
            long seedingStart = System.nanoTime();
            Seeded seeded = seed();
            print(
                    "pages seeding: %d past cycles and 1 open cycle of %d participants, %d s",
                    HISTORY, framework.memberStateCodes().size(), (System.nanoTime() - seedingStart) / 1_000_000_000);
            // Pages are asked for at the open cycle's "now".
            setClock(START);
            measure(pages(seeded));
        } finally {
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target/benchmark-pages.txt"), lines);
        }
    }

    // --- Measuring ---

    private void measure(List<NamedRequest> requests) throws Exception {
        FormClient signIn = new FormClient(http.getRootUri());
        assertThat(signIn.signIn("secretariat", "demo").statusCode()).isEqualTo(302);
        Pages client = new Pages(http.getRootUri(), signIn.cookie());
        List<Figures> figures = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (NamedRequest request : requests) {
            HttpResponse<byte[]> first = client.get(request.path());
            if (first.statusCode() != 200) {
                failures.add(request.path() + " answered " + first.statusCode());
                figures.add(Figures.failed(request, first.statusCode()));
                continue;
            }
            for (int i = 1; i < WARM_UP; i++) {
                client.get(request.path());
            }
            List<Double> times = new ArrayList<>();
            CpuTime cpuStart = cpu();
            for (int i = 0; i < REQUESTS; i++) {
                long started = System.nanoTime();
                HttpResponse<byte[]> answer = client.get(request.path());
                times.add((System.nanoTime() - started) / 1_000_000.0);
                if (answer.statusCode() != 200) {
                    failures.add(request.path() + " answered " + answer.statusCode() + " on request " + (i + 1));
                }
            }
            CpuTime used = cpu().minus(cpuStart);
            StatementCounter.start();
            client.get(request.path());
            List<Map.Entry<String, Long>> statements = StatementCounter.stop();
            Collections.sort(times);
            figures.add(new Figures(
                    request,
                    "200",
                    median(times),
                    percentile(times, 95),
                    times.get(times.size() - 1),
                    first.body().length,
                    used.jvmNanos() / 1_000_000.0 / REQUESTS,
                    used.postgresNanos() / 1_000_000.0 / REQUESTS,
                    statements.stream().mapToLong(Map.Entry::getValue).sum()));
            statements.stream()
                    .limit(5)
                    .forEach(s ->
                            print("pages statement %-36s %5d x %s", request.name(), s.getValue(), shorten(s.getKey())));
        }
        table(figures);
        assertThat(failures).as("pages that did not answer 200").isEmpty();
    }

    private void table(List<Figures> figures) {
        print(
                "pages: %d timed requests per page after %d warm-up, one at a time, as secretariat (session cookie)",
                REQUESTS, WARM_UP);
        String format = "%-38s | %-6s | %-8s | %-8s | %-8s | %-9s | %-7s | %-6s | %-6s";
        print(format, "page", "status", "median", "p95", "max", "bytes", "JVM cpu", "PG cpu", "stmts");
        for (Figures f : figures) {
            if (!f.status().equals("200")) {
                print(format, f.request().name(), f.status(), "-", "-", "-", "-", "-", "-", "-");
                continue;
            }
            print(
                    format,
                    f.request().name(),
                    f.status(),
                    "%.1f".formatted(f.median()),
                    "%.1f".formatted(f.p95()),
                    "%.1f".formatted(f.max()),
                    f.bytes(),
                    "%.1f".formatted(f.jvmCpu()),
                    "%.1f".formatted(f.postgresCpu()),
                    f.statements());
        }
        for (Figures f : figures) {
            print("pages url %-38s %s", f.request().name(), f.request().path());
        }
    }

    // --- Seeding ---

    private Seeded seed() throws Exception {
        List<String> codes = framework.memberStateCodes();
        long lastPast = 0;
        for (int i = 1; i <= HISTORY; i++) {
            long started = System.nanoTime();
            Instant openedAt =
                    START.atZone(ZoneOffset.UTC).minusYears(HISTORY + 1L - i).toInstant();
            lastPast = seedPastCycle(i, openedAt, codes);
            print(
                    "pages past cycle %d of %d seeded in %d s",
                    i, HISTORY, (System.nanoTime() - started) / 1_000_000_000);
        }
        long started = System.nanoTime();
        long open = seedOpenCycle(codes);
        print("pages open cycle seeded in %d s", (System.nanoTime() - started) / 1_000_000_000);
        Report accepted =
                reports.list(Users.SECRETARIAT, lastPast, codes.get(0)).get(0);
        String participant = accepted.participantCode();
        String region = framework.participant(participant).orElseThrow().region();
        return new Seeded(open, lastPast, participant, region, accepted.id());
    }

    /**
     * One past cycle, opened at {@code openedAt}: drafts a week later, the on-time submissions 20
     * days in, the late ones two days after the due date (after the overdue timers ran), the
     * decisions, the window closed for the never-submitted, then the meeting's two steps.
     */
    private long seedPastCycle(int index, Instant openedAt, List<String> codes) throws Exception {
        setClock(openedAt);
        ReviewCycle cycle = openCycle(period(openedAt), openedAt.plus(60, ChronoUnit.DAYS));
        runCycleJobs(cycle.id());
        List<Report> all = reports.list(Users.SECRETARIAT, cycle.id(), null);
        Set<String> never = pick(codes, index * 17, NEVER_SUBMITTED);
        Set<String> late = pick(codes, index * 17 + NEVER_SUBMITTED, LATE);
        List<Report> submitting =
                all.stream().filter(r -> !never.contains(r.participantCode())).toList();
        setClock(openedAt.plus(7, ChronoUnit.DAYS));
        saveDrafts(submitting, index);
        setClock(openedAt.plus(20, ChronoUnit.DAYS));
        concurrently(
                submitting.stream()
                        .filter(r -> !late.contains(r.participantCode()))
                        .toList(),
                this::submit);
        setClock(cycle.submissionDue().plus(2, ChronoUnit.DAYS));
        runCycleJobs(cycle.id());
        concurrently(
                submitting.stream()
                        .filter(r -> late.contains(r.participantCode()))
                        .toList(),
                this::submit);
        decide(submitting, index, RETURN_ONE_IN, true);
        setClock(cycle.windowClosesAt().plus(1, ChronoUnit.DAYS));
        runCycleJobs(cycle.id());
        assertThat(cycles.get(cycle.id()).status()).isEqualTo(CycleStatus.CONSOLIDATED);
        LocalDate meeting =
                LocalDate.ofInstant(cycle.windowClosesAt(), ZoneOffset.UTC).plusDays(30);
        meetings.prepare(cycle.id(), Users.SECRETARIAT, meeting, "Agenda of the annual meeting " + cycle.period());
        meetings.recordOutcomes(
                cycle.id(),
                Users.SECRETARIAT,
                "Outcomes of the annual meeting " + cycle.period(),
                List.of("Decision one of " + cycle.period(), "Decision two of " + cycle.period()));
        runCycleJobs(cycle.id());
        print(
                "pages past cycle %s: %s, reports by status %s",
                cycle.period(), cycles.get(cycle.id()).status(), byStatus(cycle.id()));
        return cycle.id();
    }

    private Map<ReportStatus, Long> byStatus(long cycleId) {
        return reports.list(Users.SECRETARIAT, cycleId, null).stream()
                .collect(java.util.stream.Collectors.groupingBy(
                        Report::status, java.util.TreeMap::new, java.util.stream.Collectors.counting()));
    }

    /**
     * The open cycle: opened 70 days before START, due 5 days before it (so the unsubmitted are
     * overdue at START, their window still open); a quarter untouched, a quarter saved as drafts,
     * the rest submitted, a third of them decided: one in 6 returned, the others accepted.
     */
    private long seedOpenCycle(List<String> codes) throws Exception {
        Instant openedAt = START.minus(70, ChronoUnit.DAYS);
        setClock(openedAt);
        ReviewCycle cycle = openCycle(period(START), START.minus(5, ChronoUnit.DAYS));
        runCycleJobs(cycle.id());
        List<Report> all = reports.list(Users.SECRETARIAT, cycle.id(), null);
        int quarter = all.size() / 4;
        setClock(openedAt.plus(14, ChronoUnit.DAYS));
        List<Report> touched = all.subList(quarter, all.size());
        saveDrafts(touched, HISTORY + 1);
        setClock(openedAt.plus(40, ChronoUnit.DAYS));
        List<Report> submitted = all.subList(2 * quarter, all.size());
        concurrently(submitted, this::submit);
        decide(submitted.subList(0, submitted.size() / 3), HISTORY + 1, RETURN_IN_OPEN_CYCLE_ONE_IN, false);
        setClock(START);
        runCycleJobs(cycle.id());
        print("pages open cycle %s: reports by status %s", cycle.period(), byStatus(cycle.id()));
        return cycle.id();
    }

    private ReviewCycle openCycle(String period, Instant due) {
        return cycles.open(
                new OpenCycleRequest(CycleKind.ANNUAL_REVIEW, period, null, due, null, null), Users.SECRETARIAT);
    }

    /** The year as the period, as the cadence names it, unless a test run already has it. */
    private String period(Instant openedAt) {
        String year =
                String.valueOf(LocalDate.ofInstant(openedAt, ZoneOffset.UTC).getYear());
        boolean taken = jdbc.sql("select count(*) from review_cycle where kind = 'ANNUAL_REVIEW' and period = ?")
                        .param(year)
                        .query(Long.class)
                        .single()
                > 0;
        return taken ? uniquePeriod(year) : year;
    }

    private void saveDrafts(List<Report> selected, int cycleIndex) throws Exception {
        concurrently(
                selected,
                report -> reports.saveDraft(
                        report.id(),
                        focalPoint(report.participantCode()),
                        report.lockVersion(),
                        entries(report.participantCode(), cycleIndex)));
    }

    private void submit(Report report) {
        reports.submit(report.id(), focalPoint(report.participantCode()), null);
    }

    /** Accepts the reports given, returning one in {@code returnOneIn} first (if {@code resubmit}, then accepted). */
    private void decide(List<Report> selected, int cycleIndex, int returnOneIn, boolean resubmit) throws Exception {
        List<Report> returned = Collections.synchronizedList(new ArrayList<>());
        concurrently(selected, report -> {
            boolean giveBack = Math.floorMod(report.participantCode().hashCode() + cycleIndex, returnOneIn) == 0;
            reports.validate(
                    report.id(),
                    Users.SECRETARIAT,
                    giveBack ? ValidationDecision.RETURN : ValidationDecision.ACCEPT,
                    giveBack ? "Please give the evidence for objective 4" : null);
            if (giveBack) {
                returned.add(report);
            }
        });
        if (resubmit) {
            concurrently(returned, report -> {
                submit(report);
                reports.validate(report.id(), Users.SECRETARIAT, ValidationDecision.ACCEPT, null);
            });
        }
    }

    /**
     * Ratings 0-4 that differ by participant and objective, and move by -1, 0 or +1 from one
     * cycle to the next, so a comparison with the previous cycle finds every kind of change.
     */
    private static List<ReportEntry> entries(String code, int cycleIndex) {
        int seed = Math.floorMod(code.hashCode(), 1000);
        return IntStream.rangeClosed(1, OBJECTIVES)
                .mapToObj(n -> {
                    int base = Math.floorMod(seed + 3 * n, 3);
                    int drift = Math.floorMod(seed + n + cycleIndex, 3) - 1 + cycleIndex / 4;
                    int rating = Math.max(0, Math.min(4, base + drift));
                    return new ReportEntry(
                            n,
                            rating,
                            text("Achievements", code, n, cycleIndex),
                            text("Obstacles", code, n, cycleIndex),
                            text("Priorities", code, n, cycleIndex),
                            Math.floorMod(seed + n + cycleIndex, 7) == 0);
                })
                .toList();
    }

    private static String text(String what, String code, int objective, int cycleIndex) {
        return ("%s of %s on objective %d in cycle %d: the national action plan was reviewed with the"
                        + " ministries concerned, data were collected from the regional offices and the"
                        + " results were shared with civil society and local authorities.")
                .formatted(what, code, objective, cycleIndex);
    }

    /** {@code count} participants from {@code offset} on, wrapping: different ones in every cycle. */
    private static Set<String> pick(List<String> codes, int offset, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> codes.get(Math.floorMod(offset + i, codes.size())))
                .collect(java.util.stream.Collectors.toSet());
    }

    /** For a path segment and a query value alike (a space as %20, never +). */
    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    private static CurrentUser focalPoint(String code) {
        return new CurrentUser("fp-" + code.toLowerCase(), Set.of(Role.FOCAL_POINT), Set.of(code));
    }

    private static <T> void concurrently(List<T> items, Consumer<T> action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> action.accept(item)));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // --- Figures ---

    private static double median(List<Double> sorted) {
        return percentile(sorted, 50);
    }

    /** Nearest rank. */
    private static double percentile(List<Double> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static CpuTime cpu() {
        return CpuTime.now(Path.of("target/it-postgres"));
    }

    private void print(String format, Object... arguments) {
        String line = format.formatted(arguments);
        lines.add(line);
        System.out.println("BENCHMARK " + line);
    }

    private static String shorten(String sql) {
        return sql.length() <= 140 ? sql : sql.substring(0, 140) + "…";
    }

    /** A page the benchmark asks for: its name in the table and its path with the query. */
    record NamedRequest(String name, String path) {}

    private record Seeded(long openCycle, long lastPastCycle, String participant, String region, long acceptedReport) {}

    private record Figures(
            NamedRequest request,
            String status,
            double median,
            double p95,
            double max,
            int bytes,
            double jvmCpu,
            double postgresCpu,
            long statements) {

        static Figures failed(NamedRequest request, int status) {
            return new Figures(request, String.valueOf(status), 0, 0, 0, 0, 0, 0, 0);
        }
    }

    /** GETs with the signed-in session's cookie, the body as bytes, no redirect followed. */
    private record Pages(String root, String cookie) {

        private static final HttpClient CLIENT = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        HttpResponse<byte[]> get(String path) throws Exception {
            return CLIENT.send(
                    HttpRequest.newBuilder(URI.create(root + path))
                            .header("Cookie", cookie)
                            .header("Accept-Language", "en")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    /** Counts statements in the counted request only; a no-op switch otherwise. */
    @org.springframework.boot.test.context.TestConfiguration
    static class Counting {

        @org.springframework.context.annotation.Bean
        static StatementCounter statementCounter() {
            return new StatementCounter();
        }
    }
}
