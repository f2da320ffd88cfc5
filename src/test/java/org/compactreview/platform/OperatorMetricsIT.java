package org.compactreview.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.process.ParticipantReviewModel;
import org.compactreview.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The operators' Prometheus metrics, scraped over real HTTP as Prometheus would: each of our
 * families is there with a value that follows what the application does, and only an
 * administrator may read them. (The cache is off in tests; CachedValueTest checks it.)
 */
class OperatorMetricsIT extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.compactreview.notify.MailRelay relay;

    private static final String SUBMIT = ParticipantReviewModel.TASK_SUBMIT_REPORT;

    @Test
    void adminScrapesEveryFamilyInPrometheusTextFormat() {
        ResponseEntity<String> scrape = as("admin").getForEntity("/actuator/prometheus", String.class);

        assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(scrape.getHeaders().getContentType().toString()).startsWith("text/plain");
        String text = scrape.getBody();
        assertThat(value(text, "compact_review_open_cycles", "kind=\"ANNUAL_REVIEW\""))
                .isGreaterThanOrEqualTo(0);
        assertThat(value(text, "compact_review_open_cycles", "kind=\"HIGH_LEVEL_CONFERENCE\""))
                .isGreaterThanOrEqualTo(0);
        assertThat(value(text, "compact_review_open_tasks", "task_type=\"" + SUBMIT + "\""))
                .isGreaterThanOrEqualTo(0);
        assertThat(value(text, "compact_review_overdue_tasks", "task_type=\"" + SUBMIT + "\""))
                .isGreaterThanOrEqualTo(0);
        assertThat(value(text, "compact_review_engine_incidents", null)).isGreaterThanOrEqualTo(0);
        assertThat(value(text, "compact_review_job_backlog", null)).isGreaterThanOrEqualTo(0);
        assertThat(value(text, "compact_review_mails_sent_total", null)).isGreaterThanOrEqualTo(0);
        assertThat(value(text, "compact_review_mails_failed_total", null)).isGreaterThanOrEqualTo(0);
    }

    @Test
    void gaugesAndMailCounterFollowACycleItsTasksAndItsReminders() {
        String before = scrape();

        ReviewCycle cycle = openAnnualReview("metrics", "EGY", "JOR");
        String opened = scrape();
        assertThat(value(opened, "compact_review_open_cycles", "kind=\"ANNUAL_REVIEW\""))
                .isEqualTo(value(before, "compact_review_open_cycles", "kind=\"ANNUAL_REVIEW\"") + 1);
        runCycleJobs(cycle.id());
        String running = scrape();
        assertThat(value(running, "compact_review_open_tasks", "task_type=\"" + SUBMIT + "\""))
                .isEqualTo(value(before, "compact_review_open_tasks", "task_type=\"" + SUBMIT + "\"") + 2);

        // The reminder timers of both participants fall due: the backlog counts jobs due now.
        setClock(cycle.reminderAt().plusSeconds(1));
        assertThat(value(scrape(), "compact_review_job_backlog", null))
                .isGreaterThanOrEqualTo(value(running, "compact_review_job_backlog", null) + 2);
        runCycleJobs(cycle.id());
        relay.drain(); // reminders go through the outbox (issue 15)
        String reminded = scrape();
        assertThat(value(reminded, "compact_review_mails_sent_total", null))
                .isGreaterThanOrEqualTo(value(running, "compact_review_mails_sent_total", null) + 1);

        setClock(cycle.submissionDue().plusSeconds(1));
        String late = scrape();
        assertThat(value(late, "compact_review_overdue_tasks", "task_type=\"" + SUBMIT + "\""))
                .isGreaterThanOrEqualTo(
                        value(reminded, "compact_review_overdue_tasks", "task_type=\"" + SUBMIT + "\"") + 2);
    }

    @Test
    void onlyAdministratorsReadTheMetrics() {
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/actuator/metrics", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        for (String user : new String[] {"manager", "fp-egy", "secretariat"}) {
            assertThat(as(user).getForEntity("/actuator/prometheus", String.class)
                            .getStatusCode())
                    .as(user)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(as("admin").getForEntity("/actuator/metrics", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    /** Prometheus itself signs in with an administrator's personal API token, no session made. */
    @Test
    void anAdministratorsTokenScrapes() {
        String secret = as("admin")
                .postForEntity(
                        "/api/v1/me/tokens", java.util.Map.of("name", uniquePeriod("prometheus")), JsonNode.class)
                .getBody()
                .get("secret")
                .asText();

        ResponseEntity<String> scrape = withToken(secret).getForEntity("/actuator/prometheus", String.class);

        assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(scrape.getBody()).contains("compact_review_open_cycles");
        assertThat(scrape.getHeaders().get("Set-Cookie")).isNull();
    }

    @Test
    void healthIsOpenButTellsOnlyTheStatus() {
        ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).contains("\"status\":\"UP\"").doesNotContain("components", "db");
        assertThat(health.getHeaders().get("Set-Cookie")).isNull();
    }

    private String scrape() {
        ResponseEntity<String> scrape = as("admin").getForEntity("/actuator/prometheus", String.class);
        assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
        return scrape.getBody();
    }

    /** The value of one sample line: {@code name{tag="v"} 3.0} or {@code name 3.0}. */
    private static double value(String text, String name, String tag) {
        String labels = tag == null ? "(\\{[^}]*})?" : "\\{[^}]*" + Pattern.quote(tag) + "[^}]*}";
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + labels + " (\\S+)$")
                .matcher(text);
        assertThat(line.find()).as(name + " " + tag + " in the scrape").isTrue();
        return Double.parseDouble(line.group(line.groupCount()));
    }
}
