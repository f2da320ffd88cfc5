package org.compactreview.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.compactreview.identity.Role;
import org.compactreview.identity.UserDirectory;
import org.compactreview.identity.UserDraft;
import org.compactreview.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/** Twenty colleagues take the same task at the same moment: exactly one gets it, nineteen are told why. */
class ClaimRaceIT extends IntegrationTest {

    private static final int PEOPLE = 20;

    @Autowired
    UserDirectory directory;

    @Test
    void twentySimultaneousClaimsOneWinsNineteenGet409() throws Exception {
        String suffix = Long.toString(System.nanoTime(), 36);
        List<String> colleagues = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            String username = "fp-tun-" + i + "-" + suffix;
            colleagues.add(username);
            directory.create(
                    username,
                    "a-long-password",
                    new UserDraft("Tunisia " + username, null, null, true, Set.of(Role.FOCAL_POINT), Set.of("TUN")));
        }
        long cycleId = openAnnualReview("race", "TUN").id();
        String taskId = http.withBasicAuth(colleagues.get(0), "a-long-password")
                .getForEntity("/api/v1/tasks?cycleId=" + cycleId, JsonNode.class)
                .getBody()
                .get("items")
                .get(0)
                .get("id")
                .asText();

        ExecutorService pool = Executors.newFixedThreadPool(PEOPLE);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResponseEntity<JsonNode>>> attempts = new ArrayList<>();
        for (String colleague : colleagues) {
            attempts.add(pool.submit(() -> {
                start.await();
                return http.withBasicAuth(colleague, "a-long-password")
                        .postForEntity("/api/v1/tasks/" + taskId + "/claim", null, JsonNode.class);
            }));
        }
        start.countDown();
        List<ResponseEntity<JsonNode>> answers = new ArrayList<>();
        for (Future<ResponseEntity<JsonNode>> attempt : attempts) {
            answers.add(attempt.get());
        }
        pool.shutdown();

        assertThat(answers).filteredOn(a -> a.getStatusCode().value() == 200).hasSize(1);
        List<ResponseEntity<JsonNode>> refused =
                answers.stream().filter(a -> a.getStatusCode().value() != 200).toList();
        assertThat(refused).hasSize(PEOPLE - 1).allSatisfy(a -> {
            assertThat(a.getStatusCode().value()).isEqualTo(409);
            assertThat(a.getBody().get("detail").asText()).isNotBlank();
        });
        String winner = answers.stream()
                .filter(a -> a.getStatusCode().value() == 200)
                .findFirst()
                .orElseThrow()
                .getBody()
                .get("assignee")
                .asText();
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .taskId(taskId)
                        .singleResult()
                        .getAssignee())
                .isEqualTo(winner);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'TASK_CLAIMED' and object_id = ?")
                        .param(taskId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
