package org.compactreview.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.compactreview.capacity.Assessment;
import org.compactreview.capacity.CapacityFilter;
import org.compactreview.capacity.CapacityService;
import org.compactreview.capacity.SupportPlan;
import org.compactreview.capacity.UpdateStatus;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.report.Report;
import org.compactreview.report.ReportService;
import org.compactreview.report.ValidationDecision;
import org.compactreview.support.Entries;
import org.compactreview.support.FormClient;
import org.compactreview.support.IntegrationTest;
import org.compactreview.support.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Comments, evidence and the continuous dialogue through the API and the pages: what is refused
 * stores nothing, what is stored comes back byte for byte as a download, and nobody reaches the
 * discussion of a report it may not see.
 */
class DiscussionIT extends IntegrationTest {

    @Autowired
    ReportService reports;

    @Autowired
    ObjectMapper json;

    @Autowired
    CapacityService capacity;

    @Test
    void attachmentOfADisguisedTypeIsRefusedAndNothingIsStored() throws Exception {
        Report egypt = egyptDraft("disguised");
        long before = rows("attachment");
        long chunksBefore = rows("attachment_chunk");
        Map<String, String> entry = entry(egypt, 3);

        for (var disguised : List.of(
                Map.entry("evidence.pdf", Files.html()),
                Map.entry("evidence.docx", Files.exe()),
                Map.entry("evidence.docx", Files.docm()),
                Map.entry("evidence.xlsx", Files.plainZip()),
                Map.entry("photo.pdf", Files.png()),
                Map.entry("setup.exe", Files.pdf(2000)))) {
            ResponseEntity<String> refused = upload("fp-egy", entry, disguised.getKey(), disguised.getValue());
            assertThat(refused.getStatusCode().value()).as(disguised.getKey()).isEqualTo(415);
            assertThat(json.readTree(refused.getBody()).get("type").asText())
                    .isEqualTo("urn:compact-review:problem:unsupported-type");
        }
        assertThat(rows("attachment")).isEqualTo(before);
        assertThat(rows("attachment_chunk")).isEqualTo(chunksBefore);

        assertThat(upload("fp-egy", entry, "ok.docx", Files.docx())
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        assertThat(upload("fp-egy", entry, "ok.ods", Files.ods())
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        assertThat(rows("attachment")).isEqualTo(before + 2);
    }

    @Test
    void oversizedAttachmentIsRefusedWithNothingStored() throws Exception {
        Report egypt = egyptDraft("oversized");
        FormClient page = new FormClient(http.getRootUri());
        page.signIn("fp-egy", "demo"); // a sign-in is audited: before the count
        long before = rows("attachment");
        long chunksBefore = rows("attachment_chunk");
        long auditBefore = rows("audit_event");

        // Just over the limit: the multipart reader stops at the file's part.
        ResponseEntity<String> justOver = upload("fp-egy", entry(egypt, 1), "big.pdf", Files.pdf(10 * 1024 * 1024 + 1));
        assertThat(justOver.getStatusCode().value()).isEqualTo(413);
        assertThat(json.readTree(justOver.getBody()).get("type").asText())
                .isEqualTo("urn:compact-review:problem:too-large");

        // Far over: refused by its declared length before the body is read. The answer comes
        // while not one byte of the body has been sent.
        URI root = URI.create(http.getRootUri());
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("POST /api/v1/attachments?reportId=" + egypt.id() + "&objective=1 HTTP/1.1\r\n"
                                    + "Host: " + root.getHost() + "\r\n"
                                    + "Authorization: " + basic("fp-egy") + "\r\n"
                                    + "Content-Type: multipart/form-data; boundary=x\r\n"
                                    + "Content-Length: " + (12 * 1024 * 1024) + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String statusLine = new java.io.BufferedReader(
                            new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertThat(statusLine).startsWith("HTTP/1.1 413");
        }
        // A page's upload alike, answered with the error page in the user's language.
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("POST /reports/" + egypt.id() + "/attachments HTTP/1.1\r\n"
                                    + "Host: " + root.getHost() + "\r\n"
                                    + "Cookie: " + page.cookie() + "\r\n"
                                    + "Accept: text/html\r\nAccept-Language: en\r\n"
                                    + "Content-Type: multipart/form-data; boundary=x\r\n"
                                    + "Content-Length: " + (12 * 1024 * 1024) + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            var answer = new java.io.BufferedReader(
                    new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertThat(answer.readLine()).startsWith("HTTP/1.1 413");
            String line;
            boolean explained = false;
            while (!explained && (line = answer.readLine()) != null) {
                explained = line.contains("The file is larger than 10 MB and was not stored.");
            }
            assertThat(explained).as("the 413 page explains").isTrue();
        }

        assertThat(rows("attachment")).isEqualTo(before);
        assertThat(rows("attachment_chunk")).isEqualTo(chunksBefore);
        assertThat(rows("audit_event")).isEqualTo(auditBefore);
    }

    @Test
    void downloadStreamsTheSameBytesWithTheHeaders() throws Exception {
        Report egypt = egyptDraft("download");
        byte[] content = Files.pdf(600 * 1024 + 17); // three chunks
        ResponseEntity<String> stored = upload("fp-egy", entry(egypt, 2), "../Plan \"2027\".PDF", content);
        assertThat(stored.getStatusCode().value()).isEqualTo(201);
        JsonNode attachment = json.readTree(stored.getBody());
        assertThat(attachment.get("filename").asText()).isEqualTo("Plan 2027.PDF");
        assertThat(attachment.get("contentType").asText()).isEqualTo("application/pdf");
        assertThat(rows("attachment_chunk where attachment_id = "
                        + attachment.get("id").asLong()))
                .isEqualTo(3);

        for (String reader : List.of("fp-egy", "secretariat", "manager")) {
            ResponseEntity<byte[]> download = as(reader)
                    .getForEntity("/api/v1/attachments/" + attachment.get("id").asLong() + "/content", byte[].class);
            assertThat(download.getStatusCode().value()).isEqualTo(200);
            assertThat(download.getBody()).isEqualTo(content);
            HttpHeaders headers = download.getHeaders();
            assertThat(headers.getContentType()).hasToString("application/pdf");
            assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(headers.getContentDisposition().getType()).isEqualTo("attachment");
            assertThat(headers.getContentDisposition().getFilename()).isEqualTo("Plan 2027.PDF");
            assertThat(headers.getContentLength()).isEqualTo(content.length);
        }
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'ATTACHMENT_UPLOADED' "
                                + "and object_type = 'report' and object_id = ?")
                        .param(String.valueOf(egypt.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void focalPointOfAnotherParticipantGets404ForCommentsAndAttachmentsOfAReportNotTheirs() throws Exception {
        Report egypt = egyptDraft("outsider");
        long attachment = json.readTree(upload("fp-egy", entry(egypt, 1), "a.pdf", Files.pdf(1000))
                        .getBody())
                .get("id")
                .asLong();
        long comment = json.readTree(postJson(
                                "fp-egy",
                                "/api/v1/comments",
                                "{\"reportId\":" + egypt.id() + ",\"objective\":1,\"text\":\"Ours\"}")
                        .getBody())
                .get("id")
                .asLong();
        FormClient jordan = new FormClient(http.getRootUri());
        jordan.signIn("fp-jor", "demo"); // a sign-in is audited: before the count
        as("fp-jor").getForEntity("/api/v1/me", String.class); // so is the first use of Basic
        long auditBefore = rows("audit_event");

        assertThat(status("fp-jor", HttpMethod.GET, "/api/v1/comments?reportId=" + egypt.id()))
                .isEqualTo(404);
        assertThat(status("fp-jor", HttpMethod.GET, "/api/v1/comments?reportId=" + egypt.id() + "&objective=1"))
                .isEqualTo(404);
        assertThat(postJson("fp-jor", "/api/v1/comments", "{\"reportId\":" + egypt.id() + ",\"text\":\"Theirs\"}")
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(status("fp-jor", HttpMethod.DELETE, "/api/v1/comments/" + comment))
                .isEqualTo(404);
        assertThat(status("fp-jor", HttpMethod.GET, "/api/v1/attachments?reportId=" + egypt.id()))
                .isEqualTo(404);
        assertThat(status("fp-jor", HttpMethod.GET, "/api/v1/attachments/" + attachment + "/content"))
                .isEqualTo(404);
        assertThat(status("fp-jor", HttpMethod.DELETE, "/api/v1/attachments/" + attachment))
                .isEqualTo(404);
        assertThat(upload("fp-jor", entry(egypt, 1), "b.pdf", Files.pdf(1000))
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        // The pages answer alike.
        assertThat(jordan.get("/attachments/" + attachment).statusCode()).isEqualTo(404);
        assertThat(jordan.post("/inbox", "/reports/" + egypt.id() + "/comments", Map.of("text", "x"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(rows("audit_event")).as("nothing happened").isEqualTo(auditBefore);

        // The secretariat sees them; it may not attach evidence to a participant's report.
        assertThat(status("secretariat", HttpMethod.GET, "/api/v1/comments?reportId=" + egypt.id()))
                .isEqualTo(200);
        assertThat(upload("secretariat", entry(egypt, 1), "c.pdf", Files.pdf(1000))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
    }

    @Test
    void commentsArePlainTextAndTheirAuthorWithdrawsThemOnlyWithinTheWindow() throws Exception {
        Report egypt = egyptDraft("comments");
        String report = "{\"reportId\":" + egypt.id() + ",";
        assertThat(postJson("fp-egy", "/api/v1/comments", report + "\"text\":\"a\\u0000b\"}")
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(postJson("fp-egy", "/api/v1/comments", report + "\"text\":\"a\\u0007b\"}")
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(postJson("fp-egy", "/api/v1/comments", report + "\"text\":\"" + "x".repeat(2001) + "\"}")
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(postJson("fp-egy", "/api/v1/comments", report + "\"objective\":99,\"text\":\"x\"}")
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ResponseEntity<String> posted =
                    postJson("fp-egy", "/api/v1/comments", report + "\"text\":\"Line one\\nComment " + i + "\"}");
            assertThat(posted.getStatusCode().value()).isEqualTo(201);
            ids.add(json.readTree(posted.getBody()).get("id").asLong());
        }
        JsonNode page = json.readTree(as("secretariat")
                .getForEntity("/api/v1/comments?reportId=" + egypt.id() + "&size=2&page=1", String.class)
                .getBody());
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("items").get(0).get("text").asText()).isEqualTo("Line one\nComment 3");
        assertThat(page.get("items").get(0).get("deletable").asBoolean()).isFalse();

        assertThat(status("secretariat", HttpMethod.DELETE, "/api/v1/comments/" + ids.get(0)))
                .isEqualTo(403);
        assertThat(status("fp-egy", HttpMethod.DELETE, "/api/v1/comments/" + ids.get(0)))
                .isEqualTo(204);
        setClock(START.plus(16, ChronoUnit.MINUTES));
        assertThat(status("fp-egy", HttpMethod.DELETE, "/api/v1/comments/" + ids.get(1)))
                .isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'COMMENT_DELETED' and object_id = ?")
                        .param(String.valueOf(egypt.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void moderationHidesAPostWithAReasonAuditedAndItsAuthorStillSeesIt() throws Exception {
        ReviewCycle cycle = openAnnualReview("moderation", "EGY", "JOR");
        String posts = "/api/v1/cycles/" + cycle.id() + "/dialogue/posts";
        long post = json.readTree(
                        postJson("fp-egy", posts, "{\"objective\":7,\"text\":\"Our one-stop shop for returnees\"}")
                                .getBody())
                .get("id")
                .asLong();
        assertThat(postJson("manager", posts, "{\"objective\":7,\"text\":\"x\"}")
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(postJson("fp-jor", "/api/v1/dialogue-posts/" + post + "/hide", "{\"reason\":\"No\"}")
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(postJson("secretariat", "/api/v1/dialogue-posts/" + post + "/hide", "{\"reason\":\" \"}")
                        .getStatusCode()
                        .value())
                .isEqualTo(400);

        // Two moderators at once: one hides it, the other is told.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> hide = () -> {
            start.await();
            return postJson(
                            "secretariat",
                            "/api/v1/dialogue-posts/" + post + "/hide",
                            "{\"reason\":\"Names a private person\"}")
                    .getStatusCode()
                    .value();
        };
        List<Future<Integer>> answers = List.of(pool.submit(hide), pool.submit(hide));
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);

        var audited = jdbc.sql("select actor, reason from audit_event where action = 'DIALOGUE_POST_HIDDEN' "
                        + "and object_type = 'dialogue-post' and object_id = ?")
                .param(String.valueOf(post))
                .query((rs, n) -> rs.getString("actor") + ": " + rs.getString("reason"))
                .list();
        assertThat(audited).containsExactly("secretariat: Names a private person");

        JsonNode asOther = thread("fp-jor", posts + "?objective=7").get("items").get(0);
        assertThat(asOther.get("hidden").asBoolean()).isTrue();
        assertThat(asOther.get("text").isNull()).isTrue();
        assertThat(asOther.get("hiddenReason").asText()).isEqualTo("Names a private person");
        assertThat(thread("fp-egy", posts + "?objective=7")
                        .get("items")
                        .get(0)
                        .get("text")
                        .asText())
                .isEqualTo("Our one-stop shop for returnees");

        FormClient jordan = new FormClient(http.getRootUri());
        jordan.signIn("fp-jor", "demo");
        String page = jordan.get("/dialogue/" + cycle.id() + "/7").body();
        assertThat(page)
                .contains("Hidden by the secretariat: \u2068Names a private person\u2069")
                .doesNotContain("one-stop shop");
        FormClient egypt = new FormClient(http.getRootUri());
        egypt.signIn("fp-egy", "demo");
        assertThat(egypt.get("/dialogue/" + cycle.id() + "/7").body())
                .contains("Hidden by the secretariat: \u2068Names a private person\u2069")
                .contains("Our one-stop shop for returnees");
    }

    @Test
    void dialogueIsReadableByEveryoneSignedInAndByNobodyElse() throws Exception {
        ReviewCycle cycle = openAnnualReview("dialogue", "EGY");
        String posts = "/api/v1/cycles/" + cycle.id() + "/dialogue/posts";
        assertThat(postJson("secretariat", posts, "{\"objective\":2,\"text\":\"What data gaps do you see?\"}")
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        FormClient egypt = new FormClient(http.getRootUri());
        egypt.signIn("fp-egy", "demo");
        assertThat(egypt.post(
                                "/dialogue/" + cycle.id() + "/2",
                                "/dialogue/" + cycle.id() + "/2",
                                Map.of("text", "Census data is five years old"))
                        .statusCode())
                .isEqualTo(302);

        for (String reader : List.of("fp-jor", "fp-egy", "secretariat", "manager", "admin")) {
            JsonNode topics = json.readTree(as(reader)
                    .getForEntity("/api/v1/cycles/" + cycle.id() + "/dialogue", String.class)
                    .getBody());
            assertThat(topics).hasSize(23);
            assertThat(topics.get(1).get("posts").asLong()).as(reader).isEqualTo(2);
            assertThat(thread(reader, posts + "?objective=2").get("items")).hasSize(2);
            FormClient pages = new FormClient(http.getRootUri());
            pages.signIn(reader, "demo");
            assertThat(pages.get("/dialogue/" + cycle.id()).body()).contains("data-objective=\"2\"");
            assertThat(pages.get("/dialogue/" + cycle.id() + "/2").body())
                    .contains("What data gaps do you see?")
                    .contains("Census data is five years old");
        }
        assertThat(http.getForEntity("/api/v1/cycles/" + cycle.id() + "/dialogue", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        assertThat(http.getForEntity(posts + "?objective=2", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        HttpResponse<String> anonymous = new FormClient(http.getRootUri()).get("/dialogue/" + cycle.id() + "/2");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void returnedReportShowsTheSecretariatsCommentsBesideTheObjectivesTheyName() throws Exception {
        Report egypt = egyptDraft("returned");
        String comments = "/api/v1/comments";
        // Before the submission: not what the return says.
        postJson("secretariat", comments, comment(egypt, 4, "Earlier remark on objective 4"));
        setClock(START.plus(10, ChronoUnit.MINUTES));
        reports.saveDraft(egypt.id(), Users.FP_EGY, egypt.lockVersion(), Entries.complete(2));
        reports.submit(egypt.id(), Users.FP_EGY, null);
        setClock(START.plus(1, ChronoUnit.HOURS));
        postJson("secretariat", comments, comment(egypt, 3, "Give the number of consular staff trained"));
        postJson("secretariat", comments, comment(egypt, 3, "And the budget line"));
        postJson("fp-egy", comments, comment(egypt, 3, "Our own note on objective 3"));
        reports.validate(egypt.id(), Users.SECRETARIAT, ValidationDecision.RETURN, "See objective 3");

        FormClient client = new FormClient(http.getRootUri());
        client.signIn("fp-egy", "demo");
        String page = client.get("/reports/" + egypt.id()).body();
        String objective3 = fieldset(page, 3);
        assertThat(objective3)
                .contains("id=\"return-notes-3\"")
                .contains("Give the number of consular staff trained")
                .contains("And the budget line")
                .doesNotContain("Our own note on objective 3");
        assertThat(objective3.indexOf("Give the number")).isLessThan(objective3.indexOf("And the budget line"));
        assertThat(fieldset(page, 4)).doesNotContain("return-notes").doesNotContain("Earlier remark");
        assertThat(page).contains("id=\"comments\"").contains("Our own note on objective 3");
        assertThat(client.get("/reports/" + egypt.id() + "/versions/1").statusCode())
                .isEqualTo(200);

        // Once resubmitted, the notes are history: the thread keeps them, the objectives do not.
        Report returned = reports.get(egypt.id(), Users.FP_EGY);
        reports.submit(egypt.id(), Users.FP_EGY, returned.lockVersion());
        String resubmitted = client.get("/reports/" + egypt.id()).body();
        assertThat(resubmitted).doesNotContain("return-notes-3").contains("And the budget line");
    }

    @Test
    void taskPageShowsItsThreadToWhoeverSeesTheTask() throws Exception {
        ReviewCycle cycle = openAnnualReview("task-thread", "EGY");
        String task = jdbc.sql("select task_id from work_item where cycle_id = ? and participant_code = 'EGY'")
                .param(cycle.id())
                .query(String.class)
                .single();
        FormClient egypt = new FormClient(http.getRootUri());
        egypt.signIn("fp-egy", "demo");
        assertThat(egypt.post(
                                "/tasks/" + task + "/discussion",
                                "/tasks/" + task + "/comments",
                                Map.of("text", "Who drafts objective 9?"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(egypt.get("/tasks/" + task + "/discussion").body()).contains("Who drafts objective 9?");
        assertThat(inboxPages(egypt)).anyMatch(page -> page.contains("/tasks/" + task + "/discussion"));
        ResponseEntity<String> minutes = upload("fp-egy", Map.of("taskId", task), "minutes.pdf", Files.pdf(3000));
        assertThat(minutes.getStatusCode().value()).isEqualTo(201);
        long attachment = json.readTree(minutes.getBody()).get("id").asLong();
        assertThat(egypt.get("/tasks/" + task + "/discussion").body()).contains("/attachments/" + attachment);
        assertThat(status("fp-jor", HttpMethod.GET, "/api/v1/comments?taskId=" + task))
                .isEqualTo(404);
        assertThat(status("fp-jor", HttpMethod.GET, "/api/v1/attachments?taskId=" + task))
                .isEqualTo(404);
        FormClient jordan = new FormClient(http.getRootUri());
        jordan.signIn("fp-jor", "demo");
        assertThat(jordan.get("/tasks/" + task + "/discussion").statusCode()).isEqualTo(404);

        // Removal by its uploader, audited on the task.
        assertThat(status("fp-egy", HttpMethod.DELETE, "/api/v1/attachments/" + attachment))
                .isEqualTo(204);
        assertThat(jdbc.sql("select count(*) from audit_event where action in ('ATTACHMENT_UPLOADED', "
                                + "'ATTACHMENT_DELETED', 'COMMENT_POSTED') and object_type = 'task' and object_id = ?")
                        .param(task)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        assertThat(status("fp-egy", HttpMethod.GET, "/api/v1/attachments/" + attachment + "/content"))
                .isEqualTo(404);
    }

    @Test
    void progressUpdateEvidenceIsAttachedByTheParticipantsFocalPointsAndShownUnderTheUpdate() throws Exception {
        ReviewCycle cycle = openAnnualReview("update-evidence", "EGY");
        Report egypt = reports.list(Users.FP_EGY, cycle.id(), null).get(0);
        reports.saveDraft(egypt.id(), Users.FP_EGY, egypt.lockVersion(), Entries.complete(2, 6));
        reports.submit(egypt.id(), Users.FP_EGY, null);
        reports.validate(egypt.id(), Users.SECRETARIAT, ValidationDecision.ACCEPT, null);
        runDueJobs(cycle.processInstanceId());
        long request = capacity.list(Users.SECRETARIAT, new CapacityFilter(6, null, null, "EGY")).stream()
                .filter(r -> r.reportId() == egypt.id())
                .findFirst()
                .orElseThrow()
                .id();
        runDueJobs(processOfRequest(request));
        capacity.assess(request, Users.SECRETARIAT, Assessment.ACCEPT, null, null);
        capacity.agreePlan(
                request,
                Users.MANAGER,
                new SupportPlan(
                        "ILO regional office",
                        "Training",
                        java.time.LocalDate.parse("2027-01-10"),
                        java.time.LocalDate.parse("2027-04-10"),
                        null,
                        null,
                        null,
                        "P1M"));
        setClock(START.plus(31, ChronoUnit.DAYS));
        runDueJobs(processOfRequest(request));
        capacity.reportProgress(request, Users.FP_EGY, UpdateStatus.ON_TRACK, "Agencies trained", null);
        long update = capacity.get(request, Users.FP_EGY).updates().get(0).id();
        Map<String, String> target =
                Map.of("capacityRequestId", String.valueOf(request), "updateId", String.valueOf(update));

        assertThat(upload("secretariat", target, "report.pdf", Files.pdf(4000))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(upload("fp-jor", target, "report.pdf", Files.pdf(4000))
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(upload(
                                "fp-egy",
                                Map.of("capacityRequestId", String.valueOf(request), "updateId", "999999999"),
                                "report.pdf",
                                Files.pdf(4000))
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        ResponseEntity<String> stored = upload("fp-egy", target, "attendance.xlsx", xlsx());
        assertThat(stored.getStatusCode().value()).isEqualTo(201);
        long attachment = json.readTree(stored.getBody()).get("id").asLong();
        assertThat(json.readTree(as("secretariat")
                                .getForEntity("/api/v1/attachments?capacityRequestId=" + request, String.class)
                                .getBody())
                        .get(0)
                        .get("contentType")
                        .asText())
                .isEqualTo(AttachmentType.XLSX.mediaType());
        assertThat(status("fp-jor", HttpMethod.GET, "/api/v1/attachments?capacityRequestId=" + request))
                .isEqualTo(404);

        FormClient egyptPages = new FormClient(http.getRootUri());
        egyptPages.signIn("fp-egy", "demo");
        String page = egyptPages.get("/capacity/" + request).body();
        assertThat(page)
                .contains("/attachments/" + attachment)
                .contains("/capacity/" + request + "/updates/" + update + "/attachments");
        FormClient secretariat = new FormClient(http.getRootUri());
        secretariat.signIn("secretariat", "demo");
        assertThat(secretariat.get("/capacity/" + request).body())
                .contains("/attachments/" + attachment)
                .doesNotContain("/updates/" + update + "/attachments");
    }

    private static byte[] xlsx() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
            zip.write(("<Types><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
                            + "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private String processOfRequest(long requestId) {
        return jdbc.sql("select process_instance_id from capacity_request where id = ?")
                .param(requestId)
                .query(String.class)
                .single();
    }

    private static String fieldset(String page, int objective) {
        int start = page.indexOf("id=\"objective-" + objective + "\"");
        assertThat(start).as("objective " + objective + " on the page").isPositive();
        return page.substring(start, page.indexOf("</fieldset>", start));
    }

    private static String comment(Report report, int objective, String text) {
        return "{\"reportId\":" + report.id() + ",\"objective\":" + objective + ",\"text\":\"" + text + "\"}";
    }

    private JsonNode thread(String user, String url) throws Exception {
        ResponseEntity<String> answer = as(user).getForEntity(url, String.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        return json.readTree(answer.getBody());
    }

    private Report egyptDraft(String prefix) {
        ReviewCycle cycle = openAnnualReview(prefix, "EGY", "JOR");
        return reports.list(Users.FP_EGY, cycle.id(), null).get(0);
    }

    private static Map<String, String> entry(Report report, int objective) {
        return Map.of("reportId", String.valueOf(report.id()), "objective", String.valueOf(objective));
    }

    private ResponseEntity<String> upload(String user, Map<String, String> fields, String filename, byte[] content) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        fields.forEach(body::add);
        body.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as(user).postForEntity("/api/v1/attachments", new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> postJson(String user, String url, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as(user).postForEntity(url, new HttpEntity<>(body, headers), String.class);
    }

    private int status(String user, HttpMethod method, String url) {
        return as(user).exchange(url, method, HttpEntity.EMPTY, String.class)
                .getStatusCode()
                .value();
    }

    private long rows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The pages of a user's inbox, 25 tasks each, up to the first without a task: the focal point
     * holds the open tasks of every test that ran before in this database.
     */
    private static java.util.List<String> inboxPages(FormClient user) throws Exception {
        java.util.List<String> pages = new java.util.ArrayList<>();
        for (int page = 0; page < 200; page++) {
            String body = user.get("/inbox?page=" + page).body();
            pages.add(body);
            if (!body.contains("/discussion\"")) {
                break;
            }
        }
        return pages;
    }
}
