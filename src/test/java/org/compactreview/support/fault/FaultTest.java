package org.compactreview.support.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * What the fault tests share: the external PostgreSQL (one database per test), a real SMTP
 * server, and app nodes started as separate processes, stopped after each test. No Spring
 * context of the test JVM is involved: everything goes through HTTP and, for the checks, SQL.
 */
public abstract class FaultTest {

    /** Jobs locked by a killed node are taken over after 10 s (production: 60 s). */
    private static final Map<String, String> NODE_SETTINGS = Map.of(
            "camunda.bpm.job-execution.lock-time-in-millis", "10000",
            "camunda.bpm.job-execution.wait-time-in-millis", "1000",
            "camunda.bpm.job-execution.max-wait", "2000");

    protected ExternalPostgres postgres;
    protected GreenMail mail;
    private final List<AppNode> nodes = new ArrayList<>();
    private String database;

    @BeforeEach
    void startDatabaseAndMail() throws Exception {
        postgres = ExternalPostgres.shared();
        postgres.start();
        database = getClass().getSimpleName().toLowerCase();
        postgres.createDatabase(database);
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
    }

    @AfterEach
    void stopNodesAndMail() throws Exception {
        for (AppNode node : nodes) {
            node.close();
        }
        mail.stop();
    }

    /** A node of the app on this test's database, not yet started. */
    protected AppNode node(String name) {
        return node(name, mail.getSmtp().getPort(), Map.of());
    }

    /**
     * A node of the app on this test's database, not yet started, mailing to {@code smtpPort} (e.g.
     * a {@link SlowSmtp} in front of {@link #mail}), with Spring properties of its own besides the
     * shared ones.
     */
    protected AppNode node(String name, int smtpPort, Map<String, String> settings) {
        Map<String, String> all = new java.util.HashMap<>(NODE_SETTINGS);
        all.putAll(settings);
        AppNode node = AppNode.on(name, postgres.jdbcUrl(database), smtpPort, all);
        nodes.add(node);
        return node;
    }

    protected JdbcClient db() {
        return postgres.jdbc(database);
    }

    /** The ledger's checks of a worked cycle, on one connection: they run about 1,700 queries. */
    protected Map<String, Integer> ledger(ReviewWork work) {
        SingleConnectionDataSource connection =
                new SingleConnectionDataSource(postgres.jdbcUrl(database), "postgres", "", true);
        try {
            return new Ledger(JdbcClient.create(connection)).check(work);
        } finally {
            connection.destroy();
        }
    }

    /**
     * Creates the focal point of all member states and opens an annual cycle for them; reminders
     * at {@code reminderAt} (null: the default, weeks ahead).
     */
    protected ReviewWork cycleForAllMemberStates(Api api, String period, Instant reminderAt) throws IOException {
        ReviewWork.createFocalPoint(api, memberStates());
        ReviewWork work = ReviewWork.open(api, period, reminderAt);
        assertThat(work.reports()).isEqualTo(193);
        // The first batch of participant reviews starts with the cycle, the others in jobs.
        org.awaitility.Awaitility.await("every participant review started")
                .atMost(java.time.Duration.ofMinutes(1))
                .pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> db().sql("select count(*) from work_item where cycle_id = ? and task_key = ?")
                                .params(work.cycleId(), "Task_SubmitReport")
                                .query(Integer.class)
                                .single()
                        == 193);
        return work;
    }

    private List<String> memberStates() {
        return db().sql("select code from participant where kind = 'MEMBER_STATE' order by code")
                .query(String.class)
                .list();
    }
}
