package org.compactreview.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.compactreview.cycle.CycleKind;
import org.compactreview.cycle.CycleService;
import org.compactreview.cycle.OpenCycleRequest;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.platform.PageRequest;
import org.compactreview.process.ParticipantReviewModel;
import org.compactreview.task.TaskGateway;
import org.compactreview.task.WorkItem;
import org.compactreview.task.WorkItemFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring configuration of the integration tests, so that every test class shares one
 * application context and one embedded PostgreSQL. The job executor is off: tests run due jobs
 * themselves after moving the engine clock, which makes timers deterministic without sleeping.
 * Mail goes to a real SMTP server (GreenMail). Single sign-on is on, with a real OpenID Connect
 * provider ({@link OidcProvider}); its own auto-configuration stays out of the app.
 */
@AutoConfigureMockMvc
// Spring Boot's tests turn metrics export off by default; the operators' Prometheus scrape is tested.
@AutoConfigureObservability(tracing = false)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "compact-review.embedded-postgres.data-directory=target/it-postgres",
            "compact-review.embedded-postgres.clean=true",
            // Thrown away after the run: commits need not wait for the disk.
            "compact-review.embedded-postgres.durable=false",
            "compact-review.initial-users.demo-users=true",
            "compact-review.mail.enabled=true",
            // Scrapes see each change at once (the cache itself: CachedValueTest).
            "compact-review.metrics.cache-ttl=0s",
            "camunda.bpm.job-execution.enabled=false",
            "camunda.bpm.generate-unique-process-engine-name=false",
            "spring.autoconfigure.exclude="
                    + "org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration,"
                    + "org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration"
        })
public abstract class IntegrationTest {

    /** Started once per JVM, like the database. */
    protected static final GreenMail MAIL = startMail();

    /** The identity provider of the single sign-on, started once per JVM like the mail server. */
    protected static final OidcProvider IDP = OidcProvider.start();

    /** The fixed "now" every test starts from; cycles are due after it. */
    protected static final Instant START = Instant.parse("2027-01-10T09:00:00Z");

    @Autowired
    protected ProcessEngine engine;

    @Autowired
    protected ManagementService management;

    @Autowired
    protected TestRestTemplate http;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    private CycleService cycleService;

    @Autowired
    private TaskGateway taskGateway;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @DynamicPropertySource
    static void singleSignOn(DynamicPropertyRegistry registry) {
        IDP.register(registry);
    }

    @BeforeEach
    void startClock() {
        ClockUtil.setCurrentTime(Date.from(START));
        BpmnAwareTests.init(engine);
    }

    /**
     * No user starts a test with a language remembered: a page's language links remember the
     * choice ({@code ?lang=}), and a test that took them would otherwise decide the language of
     * every later test's pages for that user (Accept-Language decides when nothing is stored).
     */
    @BeforeEach
    void forgetChosenLanguages() {
        jdbc.sql("update app_user set locale = null where locale is not null").update();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    protected static void setClock(Instant now) {
        ClockUtil.setCurrentTime(Date.from(now));
    }

    /**
     * Runs the process instance's due jobs (timers, async continuations) until none is left. For a
     * cycle's process that means the cycle's: its own and those of its participants' reviews,
     * which run in instances of their own ({@link #runCycleJobs(long)}).
     */
    protected void runDueJobs(String processInstanceId) {
        java.util.Optional<Long> cycle = jdbc.sql("select id from review_cycle where process_instance_id = ?")
                .param(processInstanceId)
                .query(Long.class)
                .optional();
        if (cycle.isPresent()) {
            runCycleJobs(cycle.get());
        } else {
            runDueJobs(() -> java.util.Set.of(processInstanceId), processInstanceId);
        }
    }

    /**
     * Runs a cycle's due jobs: those of the cycle's process instance (the batches that start its
     * participants' reviews, the consolidation) and of every participant review of the cycle (its
     * business key starts with the cycle's id), among them the save point after each acceptance,
     * which raises the report's capacity-building requests.
     */
    protected void runCycleJobs(long cycleId) {
        String cycleInstance = jdbc.sql("select process_instance_id from review_cycle where id = ?")
                .param(cycleId)
                .query(String.class)
                .single();
        runDueJobs(
                () -> {
                    java.util.Set<String> ids = new java.util.HashSet<>(participantReviews(cycleId));
                    ids.add(cycleInstance);
                    return ids;
                },
                "cycle " + cycleId);
    }

    /** The ids of a cycle's participant review instances that are still running. */
    protected List<String> participantReviews(long cycleId) {
        return engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(org.compactreview.process.ParticipantReviewModel.PROCESS_KEY)
                .processInstanceBusinessKeyLike(
                        org.compactreview.process.ParticipantReviewModel.businessKeyPrefix(cycleId) + "%")
                .list()
                .stream()
                .map(org.camunda.bpm.engine.runtime.ProcessInstance::getId)
                .toList();
    }

    /** A participant's review in a cycle, running or not: found by its business key. */
    protected String participantReview(long cycleId, String participant) {
        return engine.getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(org.compactreview.process.ParticipantReviewModel.PROCESS_KEY)
                .processInstanceBusinessKey(
                        org.compactreview.process.ParticipantReviewModel.businessKey(cycleId, participant))
                .singleResult()
                .getId();
    }

    private void runDueJobs(java.util.function.Supplier<java.util.Set<String>> instances, String what) {
        // One at a time: a job may cancel others (a closing window cancels the reminder timer), or
        // start more instances (a batch of participant reviews).
        for (int round = 0; round < 20_000; round++) {
            List<Job> due = management
                    .createJobQuery()
                    .processInstanceIds(instances.get())
                    .executable()
                    .orderByJobDuedate()
                    .asc()
                    .listPage(0, 1);
            if (due.isEmpty()) {
                return;
            }
            management.executeJob(due.get(0).getId());
        }
        throw new IllegalStateException("jobs keep coming for " + what);
    }

    /** Opens an annual cycle as the secretariat, for the given participants, due 30 days after START. */
    protected ReviewCycle openAnnualReview(String prefix, String... participants) {
        return cycleService.open(
                new OpenCycleRequest(
                        CycleKind.ANNUAL_REVIEW,
                        uniquePeriod(prefix),
                        List.of(participants),
                        START.plus(30, ChronoUnit.DAYS),
                        null,
                        null),
                Users.SECRETARIAT);
    }

    /**
     * Opens an annual cycle as the secretariat, due 30 days after START, with its own reminder days
     * (issue 15), for tests that need one reminder date rather than the default 14, 7 and 1.
     */
    protected ReviewCycle openAnnualReview(String prefix, List<Integer> reminderDays, String... participants) {
        return cycleService.open(
                new OpenCycleRequest(
                        CycleKind.ANNUAL_REVIEW,
                        uniquePeriod(prefix),
                        List.of(participants),
                        START.plus(30, ChronoUnit.DAYS),
                        null,
                        null,
                        null,
                        reminderDays),
                Users.SECRETARIAT);
    }

    /** The managers' "Follow up overdue report" task of a cycle (the first, if there are several). */
    protected WorkItem managerEscalation(ReviewCycle cycle) {
        return taskGateway
                .list(
                        Users.MANAGER,
                        new WorkItemFilter(
                                false,
                                cycle.id(),
                                null,
                                null,
                                ParticipantReviewModel.TASK_FOLLOW_UP_OVERDUE_REPORT,
                                null),
                        new PageRequest(0, 50))
                .items()
                .get(0);
    }

    /** A period no other test uses, so that tests sharing the database never collide. */
    protected static String uniquePeriod(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    protected TestRestTemplate as(String username) {
        return http.withBasicAuth(username, "demo");
    }

    /** A client that sends a personal API token as {@code Authorization: Bearer}. */
    protected TestRestTemplate withToken(String secret) {
        return new TestRestTemplate(new RestTemplateBuilder()
                .uriTemplateHandler(http.getRestTemplate().getUriTemplateHandler())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + secret));
    }

    /**
     * On a free port chosen once, not GreenMail's dynamic port: that changes on every start, and
     * {@code MailOutageIT} stops the server for an outage and starts it again where the app sends.
     */
    private static GreenMail startMail() {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("no free port for the mail server", e);
        }
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.port(port));
        mail.start();
        return mail;
    }
}
