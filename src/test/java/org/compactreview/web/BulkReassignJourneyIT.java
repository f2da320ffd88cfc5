package org.compactreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.identity.Role;
import org.compactreview.identity.UserDirectory;
import org.compactreview.identity.UserDraft;
import org.compactreview.process.ParticipantReviewModel;
import org.compactreview.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A manager moves the tasks of a focal point who changed posts, in headless Chromium: filters the
 * team list to that person, ticks two tasks, picks the colleague from the list of people allowed
 * (never typed), gives a reason and sees what moved and what could not; then moves everything
 * left of that person. The filters stay in the URL throughout. The pages are photographed at 390
 * and 1366 px wide, in English and Arabic.
 */
class BulkReassignJourneyIT extends BrowserTest {

    @Autowired
    UserDirectory directory;

    @Test
    void aManagerMovesTicketedTasksThenEverythingLeftOfAPersonToAColleague() {
        try {
            journey();
        } catch (Throwable failure) {
            screenshot("bulk-reassign-failure");
            throw failure;
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1400));
        }
    }

    private void journey() {
        String suffix = Long.toString(System.nanoTime(), 36);
        String leaving = "fp-posted-" + suffix;
        String colleague = "fp-arriving-" + suffix;
        directory.create(
                leaving,
                "a-long-password",
                new UserDraft(
                        "Leaving focal point " + suffix,
                        null,
                        null,
                        true,
                        Set.of(Role.FOCAL_POINT),
                        Set.of("EGY", "JOR", "MAR")));
        directory.create(
                colleague,
                "a-long-password",
                new UserDraft(
                        "Arriving focal point " + suffix,
                        null,
                        null,
                        true,
                        Set.of(Role.FOCAL_POINT),
                        Set.of("EGY", "MAR")));
        ReviewCycle cycle = openAnnualReview("bulk-web", "EGY", "JOR", "MAR");
        Map<String, String> tasks = new java.util.HashMap<>();
        jdbc.sql("select participant_code, task_id from work_item where cycle_id = ? and task_key = ?")
                .params(cycle.id(), ParticipantReviewModel.TASK_SUBMIT_REPORT)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(e -> tasks.put(e.getKey(), e.getValue()));
        tasks.values().forEach(id -> engine.getTaskService().setAssignee(id, leaving));

        signIn("manager");
        String list = "/team?cycleId=" + cycle.id() + "&assignee=" + leaving;
        open(list);
        assertThat(browser.findElements(By.cssSelector("#team-tasks tbody tr"))).hasSize(3);
        assertThat(browser.findElement(By.id("team-tasks")).getText())
                .contains("Egypt", "Jordan", "Morocco", "Leaving focal point " + suffix)
                .doesNotContain(leaving);
        assertThat(web.unlabelledFields()).isEmpty();
        photograph("team");

        // The person is picked from the people allowed to do the work, with how many tasks each may take.
        List<String> offered = browser.findElements(By.cssSelector("#reassign-to option")).stream()
                .map(o -> o.getAttribute("value"))
                .toList();
        assertThat(offered).contains(colleague, "fp-egy", "fp-jor", "fp-mar").doesNotContain("secretariat");
        assertThat(browser.findElement(By.cssSelector("#reassign-to option[value='" + colleague + "']"))
                        .getText())
                .contains("2 of these tasks");

        tick(tasks.get("EGY"));
        tick(tasks.get("JOR"));
        select("reassign-to", colleague);
        browser.findElement(By.id("reassign-reason")).sendKeys("Changed posts in the ministry");
        click(By.id("reassign-submit"));

        assertThat(flash()).isEqualTo("The reassignment is done.");
        assertThat(browser.getCurrentUrl()).endsWith(list);
        assertThat(browser.findElement(By.id("reassignment-result")).getText())
                .contains("1 of 2 tasks moved to \u2068Arriving focal point " + suffix + "\u2069");
        WebElement refused =
                browser.findElement(By.cssSelector("#not-moved tr[data-task-id='" + tasks.get("JOR") + "']"));
        assertThat(refused.getAttribute("data-reason")).isEqualTo("NOT_CANDIDATE");
        assertThat(refused.getText()).contains("Jordan", "Not a candidate for this task");
        photograph("team-result");
        assertThat(browser.findElements(By.cssSelector("#team-tasks tbody tr")))
                .as("the same filtered list: Egypt's task has left it")
                .hasSize(2);

        // Everything left of the person that the filters match.
        click(By.id("scope-all"));
        select("reassign-to", colleague);
        browser.findElement(By.id("reassign-reason")).sendKeys("The rest of the portfolio");
        click(By.id("reassign-submit"));
        assertThat(browser.findElement(By.id("reassignment-result")).getText())
                .contains("1 of 2 tasks moved to \u2068Arriving focal point " + suffix + "\u2069");
        assertThat(browser.findElements(By.cssSelector("#team-tasks tbody tr"))).hasSize(1);
        assertThat(engine.getTaskService().createTaskQuery().taskAssignee(colleague).list().stream()
                        .map(org.camunda.bpm.engine.task.Task::getId)
                        .toList())
                .containsExactlyInAnyOrder(tasks.get("EGY"), tasks.get("MAR"));

        open("/workload?cycleId=" + cycle.id());
        assertThat(browser.findElement(By.id("workload-rows")).getText())
                .contains("Arriving focal point " + suffix, "Leaving focal point " + suffix);
        photograph("workload");
        click(By.id("group-participants"));
        assertThat(browser.findElement(By.id("workload-rows")).getText()).contains("Egypt", "Jordan", "Morocco");
        assertThat(browser.getCurrentUrl()).contains("cycleId=" + cycle.id()).contains("group=participants");
        open("/inbox?lang=en");
    }

    private void tick(String taskId) {
        web.click(browser.findElement(By.id("select-" + taskId)));
    }

    /**
     * The current page at a phone's and a laptop's width, in English as it is (with its result, if
     * any) and in Arabic (loaded again, so without the one-time result).
     */
    private void photograph(String name) {
        String url = browser.getCurrentUrl();
        String separator = url.contains("?") ? "&" : "?";
        sizes(name + "-en");
        browser.get(url + separator + "lang=ar");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        sizes(name + "-ar");
        browser.manage().window().setSize(new Dimension(1280, 1400));
        browser.get(url + separator + "lang=en");
    }

    /** At each width: the top of the page, then each part of it scrolled into view. */
    private void sizes(String name) {
        // Parts a page does not have are looked up without the implicit wait.
        browser.manage().timeouts().implicitlyWait(java.time.Duration.ZERO);
        try {
            photographParts(name);
        } finally {
            browser.manage().timeouts().implicitlyWait(java.time.Duration.ofSeconds(5));
        }
    }

    private void photographParts(String name) {
        for (Dimension size : List.of(new Dimension(390, 844), new Dimension(1366, 768))) {
            browser.manage().window().setSize(size);
            browser.executeScript("window.scrollTo(0, 0)");
            screenshot(name + "-" + size.getWidth());
            for (String part : List.of("reassignment-result", "reassign", "team-tasks", "workload-rows")) {
                for (WebElement element : browser.findElements(By.id(part))) {
                    browser.executeScript(
                            "arguments[0].scrollIntoView({block: 'start', behavior: 'instant'})", element);
                    screenshot(name + "-" + size.getWidth() + "-" + part);
                }
            }
        }
    }
}
