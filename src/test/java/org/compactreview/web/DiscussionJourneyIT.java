package org.compactreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.discussion.CommentService;
import org.compactreview.report.Report;
import org.compactreview.report.ReportService;
import org.compactreview.report.ValidationDecision;
import org.compactreview.support.BrowserTest;
import org.compactreview.support.Entries;
import org.compactreview.support.Users;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * Comments, evidence and the dialogue in a real Chromium: a returned report shows the
 * secretariat's comments beside their objectives; its focal point attaches evidence (a disguised
 * file is refused with the reason), comments, and writes in the dialogue; the secretariat hides a
 * post with a reason. Screenshots at 390 and 1366 px, in English and Arabic.
 */
class DiscussionJourneyIT extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    ReportService reports;

    @org.springframework.beans.factory.annotation.Autowired
    CommentService comments;

    @Test
    void focalPointSeesTheReturnNotesAttachesEvidenceAndTheSecretariatModeratesTheDialogue() throws Exception {
        try {
            journey();
        } catch (Throwable failure) {
            screenshot("discussion-failure");
            throw failure;
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1400));
        }
    }

    private void journey() throws Exception {
        ReviewCycle cycle = openAnnualReview("discussion-web", "EGY", "JOR");
        Report egypt = reports.list(Users.FP_EGY, cycle.id(), null).get(0);
        reports.saveDraft(egypt.id(), Users.FP_EGY, egypt.lockVersion(), Entries.complete(2));
        reports.submit(egypt.id(), Users.FP_EGY, null);
        setClock(START.plus(1, ChronoUnit.HOURS));
        comments.postOnReport(
                egypt.id(), 3, "Please give the number of consular staff trained in 2026.", Users.SECRETARIAT);
        reports.validate(egypt.id(), Users.SECRETARIAT, ValidationDecision.RETURN, "See objective 3.");

        signIn("fp-egy");
        open("/reports/" + egypt.id());
        WebElement notes = browser.findElement(By.id("return-notes-3"));
        assertThat(notes.getText()).contains("consular staff trained");
        assertThat(browser.findElement(By.id("objective-3")).findElements(By.id("return-notes-3")))
                .hasSize(1);

        // Evidence: a real PDF is attached; an HTML page named .pdf is refused, with the reason.
        Path pdf = Files.createTempFile("training-plan", ".pdf");
        Files.writeString(pdf, "%PDF-1.7\nTraining plan\n%%EOF", StandardCharsets.US_ASCII);
        select("evidence-objective", "3");
        browser.findElement(By.id("evidence-file")).sendKeys(pdf.toString());
        click(By.id("evidence-upload"));
        assertThat(flash()).isEqualTo("File attached.");
        assertThat(browser.findElement(By.id("objective-3")).getText())
                .contains(pdf.getFileName().toString());
        Path disguised = Files.createTempFile("invoice", ".pdf");
        Files.writeString(disguised, "<html><script>alert(1)</script></html>", StandardCharsets.UTF_8);
        browser.findElement(By.id("evidence-file")).sendKeys(disguised.toString());
        click(By.id("evidence-upload"));
        assertThat(browser.findElement(By.cssSelector("[role=alert].alert-danger"))
                        .getText())
                .contains("is not one of the accepted types");
        assertThat(web.unlabelledFields()).isEmpty();

        // A comment on objective 3, answering the secretariat.
        select("comment-objective", "3");
        browser.findElement(By.id("comment-text")).sendKeys("Trained: 140 consular officers.");
        click(By.id("comment-post"));
        assertThat(flash()).isEqualTo("Comment posted.");
        assertThat(browser.findElement(By.cssSelector(".comment-list")).getText())
                .contains("Trained: 140 consular officers.");
        shoot("/reports/" + egypt.id(), "return-notes-3", "discussion-report");
        shoot("/reports/" + egypt.id(), "comments", "discussion-comments");

        // The dialogue: a post, then the secretariat hides it with a reason.
        open("/dialogue/" + cycle.id());
        click(By.cssSelector("[data-objective='3'] a"));
        browser.findElement(By.id("post-text")).sendKeys("Our consular network trains staff online.");
        click(By.id("post-submit"));
        assertThat(flash()).isEqualTo("Post published.");
        signOut();

        signIn("secretariat");
        open("/dialogue/" + cycle.id() + "/3");
        click(By.cssSelector(".dialogue-post details summary"));
        WebElement reason = browser.findElement(By.cssSelector(".dialogue-post input[name=reason]"));
        reason.sendKeys("Names a private training provider");
        click(By.cssSelector(".dialogue-post details button[type=submit]"));
        assertThat(flash()).isEqualTo("Post hidden.");
        signOut();

        signIn("fp-jor");
        open("/dialogue/" + cycle.id() + "/3");
        assertThat(browser.findElement(By.cssSelector(".hidden-note")).getText())
                .isEqualTo("Hidden by the secretariat: \u2068Names a private training provider\u2069");
        assertThat(browser.findElement(By.id("main")).getText()).doesNotContain("trains staff online");
        browser.findElement(By.id("post-text")).sendKeys("We publish our curriculum.");
        click(By.id("post-submit"));
        shoot("/dialogue/" + cycle.id() + "/3", "posts", "discussion-thread");
        shoot("/dialogue/" + cycle.id(), "dialogue-topics", "discussion-dialogue");
        open("/inbox?lang=en");
        signOut();
    }

    /** The page in English and Arabic, at 390 and 1366 px wide, scrolled to an element. */
    private void shoot(String page, String elementId, String name) {
        for (String language : new String[] {"en", "ar"}) {
            for (int width : new int[] {390, 1366}) {
                browser.manage().window().setSize(new Dimension(width, width == 390 ? 844 : 768));
                open(page + (page.contains("?") ? "&" : "?") + "lang=" + language);
                WebElement element = browser.findElement(By.id(elementId));
                browser.executeScript("arguments[0].scrollIntoView({block: 'start', behavior: 'instant'})", element);
                Object overflow = browser.executeScript(
                        "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
                assertThat(overflow)
                        .as(name + " " + language + " " + width + " scrolls sideways")
                        .isEqualTo(false);
                if (language.equals("ar")) {
                    assertThat(browser.findElement(By.tagName("html")).getAttribute("dir"))
                            .isEqualTo("rtl");
                }
                screenshot(name + "-" + language + "-" + width);
            }
        }
        open(page + (page.contains("?") ? "&" : "?") + "lang=en");
        browser.manage().window().setSize(new Dimension(1280, 1400));
    }
}
