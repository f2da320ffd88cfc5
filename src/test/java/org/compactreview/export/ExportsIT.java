package org.compactreview.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.UiLanguages;
import org.compactreview.report.Consolidation;
import org.compactreview.report.Report;
import org.compactreview.report.ReportEntry;
import org.compactreview.report.ReportService;
import org.compactreview.report.ValidationDecision;
import org.compactreview.support.BrowserTest;
import org.compactreview.support.Entries;
import org.compactreview.support.FormClient;
import org.compactreview.support.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The exports for the meeting on a real cycle: Egypt and Jordan submit and are accepted, the
 * cycle is consolidated; Egypt's report carries a formula-looking text and an Arabic one. Every
 * file is opened: CSV bytes, XLSX read back with POI, PDF text extracted with PDFBox.
 */
class ExportsIT extends BrowserTest {

    private static final String FORMULA = "=HYPERLINK(\"http://x\",\"y\")";
    private static final String ARABIC_TEXT = "تحسين جمع البيانات الوطنية";
    private static final Locale ARABIC = Locale.forLanguageTag("ar");

    @Autowired
    ReportService reports;

    @Autowired
    Consolidation consolidation;

    @Autowired
    MessageSource messages;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    private ReviewCycle cycle;
    private Report egypt;

    @BeforeEach
    void cycleWithTwoAcceptedReports() {
        cycle = openAnnualReview("exports", "EGY", "JOR");
        egypt = reports.list(Users.FP_EGY, cycle.id(), null).get(0);
        List<ReportEntry> entries = new ArrayList<>(Entries.complete(3, 5));
        entries.set(0, new ReportEntry(1, 3, FORMULA, "Obstacles on 1", "Priorities on 1", false));
        entries.set(1, new ReportEntry(2, 4, ARABIC_TEXT, "عقبات", "أولويات", true));
        submitAndAccept(egypt, Users.FP_EGY, entries);
        Report jordan = reports.list(Users.FP_JOR, cycle.id(), null).get(0);
        submitAndAccept(jordan, Users.FP_JOR, Entries.complete(1));
        consolidation.consolidate(cycle.id());
    }

    @Test
    void cycleStatusAsCsvInFrenchIsAnAuditedUncachedAttachment() {
        long before = exportsAudited("cycle", cycle.id());
        ResponseEntity<byte[]> answer =
                get("secretariat", "/api/v1/cycles/" + cycle.id() + "/status/export?format=csv", "fr");
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getHeaders().getContentType()).hasToString("text/csv;charset=UTF-8");
        assertThat(answer.getHeaders().getCacheControl()).isEqualTo("no-store");
        String today = LocalDate.ofInstant(START, ZoneOffset.UTC).toString();
        String period = cycle.period().replaceAll("[^A-Za-z0-9]+", "-");
        assertThat(answer.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"cycle-" + period + "-status-" + today + ".csv\"");
        String csv = new String(answer.getBody(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF");
        Locale french = Locale.FRENCH;
        assertThat(csv)
                .contains("\"" + text("board.stage", french) + "\",\"" + text("report.status", french) + "\"")
                .contains(text("stage.DONE", french))
                .contains(text("report.status.ACCEPTED", french))
                .contains(text("export.meta.period", french, cycle.period()));
        assertThat(exportsAudited("cycle", cycle.id())).isEqualTo(before + 1);
        assertThat(jdbc.sql("select after->>'format' from audit_event where action = 'EXPORTED' and object_id = ?"
                                + " order by id desc limit 1")
                        .param(String.valueOf(cycle.id()))
                        .query(String.class)
                        .single())
                .isEqualTo("CSV");
    }

    @Test
    void exportsAtOnceEachGetTheirWholeFileAndAreEachAudited() throws Exception {
        long before = exportsAudited("cycle", cycle.id());
        List<String> formats = List.of("csv", "xlsx", "pdf", "csv", "xlsx", "pdf");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(formats.size());
        try {
            List<java.util.concurrent.Future<ResponseEntity<byte[]>>> answers = new ArrayList<>();
            for (int i = 0; i < formats.size(); i++) {
                String username = i % 2 == 0 ? "secretariat" : "manager";
                String url = "/api/v1/cycles/" + cycle.id() + "/status/export?format=" + formats.get(i);
                answers.add(pool.submit(() -> get(username, url, "en")));
            }
            for (int i = 0; i < formats.size(); i++) {
                ResponseEntity<byte[]> answer = answers.get(i).get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(answer.getStatusCode().value()).isEqualTo(200);
                byte[] body = answer.getBody();
                switch (formats.get(i)) {
                    case "csv" ->
                        assertThat(new String(body, StandardCharsets.UTF_8)).contains("\"Egypt\"", "\"Jordan\"");
                    case "xlsx" -> {
                        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
                            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(6);
                        }
                    }
                    default -> assertThat(pdfText(body)).contains("Egypt", "Jordan");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(exportsAudited("cycle", cycle.id())).isEqualTo(before + formats.size());
    }

    @Test
    void cycleStatusAsXlsxInArabicIsRightToLeftWithNumberCells() throws Exception {
        ResponseEntity<byte[]> answer =
                get("manager", "/api/v1/cycles/" + cycle.id() + "/status/export?format=xlsx", "ar");
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getHeaders().getContentType())
                .hasToString("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(answer.getBody()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo(text("board.title", ARABIC, cycle.period()));
            assertThat(sheet.isRightToLeft()).isTrue();
            Row header = sheet.getRow(4);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo(text("task.participant", ARABIC));
            assertThat(header.getCell(6).getStringCellValue()).isEqualTo(text("export.submitted-version", ARABIC));
            List<String> stages = new ArrayList<>();
            for (int r = 5; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                stages.add(row.getCell(2).getStringCellValue());
                assertThat(row.getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(1.0);
            }
            assertThat(stages).hasSize(2).containsOnly(text("stage.DONE", ARABIC));
        }
    }

    @Test
    void consolidatedSummaryAsPdfInArabicIsShapedText() throws Exception {
        ResponseEntity<byte[]> answer =
                get("secretariat", "/api/v1/cycles/" + cycle.id() + "/summary/export?format=pdf", "ar");
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/pdf");
        keepForALook(answer.getBody(), "summary-ar");
        String extracted = pdfText(answer.getBody());
        assertThat(ArabicText.missingWords(extracted, text("summary.median", ARABIC)))
                .isEmpty();
        assertThat(ArabicText.missingWords(extracted, text("objective.1", ARABIC)))
                .isEmpty();
        assertThat(ArabicText.missingWords(extracted, text("summary.heading", ARABIC, cycle.period())))
                .isEmpty();
        // The summary as XLSX: the counts are numbers (objective 2: one report rated 4, one rated 1).
        ResponseEntity<byte[]> xlsx =
                get("secretariat", "/api/v1/cycles/" + cycle.id() + "/summary/export?format=xlsx", "en");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            Row objective2 = workbook.getSheetAt(0).getRow(6);
            assertThat(objective2.getCell(0).getStringCellValue()).startsWith("Objective 2");
            assertThat(objective2.getCell(1).getNumericCellValue()).isEqualTo(2.0);
            assertThat(objective2.getCell(3).getNumericCellValue()).isEqualTo(1.0);
            assertThat(objective2.getCell(6).getNumericCellValue()).isEqualTo(1.0);
            assertThat(objective2.getCell(8).getStringCellValue()).isEqualTo("EGY");
        }
    }

    @Test
    void focalPointExportsItsOwnReportAndGets404ForAnothers() throws Exception {
        String own = "/api/v1/reports/" + egypt.id() + "/export?format=";
        ResponseEntity<byte[]> csv = get("fp-egy", own + "csv", "en");
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        String text = new String(csv.getBody(), StandardCharsets.UTF_8);
        assertThat(text).contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"").doesNotContain(",\"=HYPERLINK");
        assertThat(text).contains(ARABIC_TEXT);

        ResponseEntity<byte[]> pdf = get("fp-egy", own + "pdf", "ar");
        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        assertThat(pdf.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("report-EGY-v1-");
        keepForALook(pdf.getBody(), "report-ar");
        String extracted = pdfText(pdf.getBody());
        assertThat(ArabicText.missingWords(extracted, ARABIC_TEXT)).isEmpty();
        assertThat(ArabicText.missingWords(extracted, text("report.achievements", ARABIC)))
                .isEmpty();
        assertThat(ArabicText.missingWords(extracted, "أولويات")).isEmpty();

        assertThat(get("fp-jor", own + "pdf", "en").getStatusCode().value()).isEqualTo(404);
        assertThat(get("fp-jor", own + "csv", "en").getStatusCode().value()).isEqualTo(404);
        assertThat(get("fp-egy", own + "docx", "en").getStatusCode().value()).isEqualTo(400);
        assertThat(exportsAudited("report", egypt.id())).isEqualTo(2);

        // The pages: the printable report has no menu and every objective; its PDF; 404 for Jordan.
        MvcResult print = page("fp-egy", "/reports/" + egypt.id() + "/print");
        assertThat(print.getResponse().getStatus()).isEqualTo(200);
        String html = print.getResponse().getContentAsString();
        assertThat(html).doesNotContain("app-navbar").contains(ARABIC_TEXT).contains("Priorities on 23");
        assertThat(page("fp-egy", "/reports/" + egypt.id() + "/pdf")
                        .getResponse()
                        .getContentType())
                .isEqualTo("application/pdf");
        assertThat(page("fp-jor", "/reports/" + egypt.id() + "/print")
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(page("fp-jor", "/reports/" + egypt.id() + "/pdf")
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(page("secretariat", "/reports/" + egypt.id() + "/print")
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void boardAndSummaryPagesOfferTheExportMenuAndItsFilesDownload() throws Exception {
        MvcResult board = page("secretariat", "/cycles/" + cycle.id());
        String html = board.getResponse().getContentAsString();
        assertThat(html).contains("id=\"export-status-csv\"", "id=\"export-status-xlsx\"", "id=\"export-status-pdf\"");
        assertThat(page("manager", "/cycles/" + cycle.id() + "/summary")
                        .getResponse()
                        .getContentAsString())
                .contains("id=\"export-summary-pdf\"");
        MvcResult file = page("manager", "/cycles/" + cycle.id() + "/export/summary?format=csv");
        assertThat(file.getResponse().getStatus()).isEqualTo(200);
        assertThat(file.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .contains("-summary-");
        assertThat(file.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("\"EGY\"");
        assertThat(page("fp-egy", "/cycles/" + cycle.id() + "/export/status?format=csv")
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }

    @Test
    void exportPagesAnswerInEveryLanguage() {
        List<String[]> pages = List.of(
                new String[] {"fp-egy", "/reports/" + egypt.id() + "/print"},
                new String[] {"secretariat", "/cycles/" + cycle.id()},
                new String[] {"manager", "/cycles/" + cycle.id() + "/summary"});
        for (String[] page : pages) {
            FormClient client = new FormClient(http.getRootUri());
            assertThat(client.signIn(page[0], "demo").statusCode()).isEqualTo(302);
            for (String language : UiLanguages.tags()) {
                HttpResponse<String> answer = client.get(page[1], language);
                String what = page[1] + " [" + language + "]";
                assertThat(answer.statusCode()).as(what).isEqualTo(200);
                assertThat(answer.body()).as(what).contains("<html lang=\"" + language + "\"");
                assertThat(answer.body())
                        .as(what)
                        .contains("dir=\"" + UiLanguages.direction(Locale.forLanguageTag(language)) + "\"");
                assertThat(answer.body()).as(what).doesNotContain("??").contains("data-export=");
            }
        }
    }

    @Test
    void printablePageInEveryLanguageAndOnEveryScreen() {
        signIn("fp-egy");
        for (String language : List.of("en", "ar")) {
            open("/reports/" + egypt.id() + "/print?lang=" + language);
            assertThat(browser.findElement(By.tagName("html")).getAttribute("dir"))
                    .isEqualTo(UiLanguages.direction(Locale.forLanguageTag(language)));
            for (Dimension size : List.of(new Dimension(390, 844), new Dimension(1366, 768))) {
                browser.manage().window().setSize(size);
                Number overflow = (Number) browser.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertThat(overflow.intValue()).as("sideways scroll at " + size).isLessThanOrEqualTo(0);
                screenshot("report-print-" + language + "-" + size.getWidth());
            }
        }
        open("/cycles?lang=en");
        signOut();
        signIn("secretariat");
        for (String language : List.of("en", "ar")) {
            open("/cycles/" + cycle.id() + "/summary?lang=" + language);
            for (Dimension size : List.of(new Dimension(390, 844), new Dimension(1366, 768))) {
                browser.manage().window().setSize(size);
                screenshot("summary-export-" + language + "-" + size.getWidth());
            }
        }
        open("/cycles?lang=en");
        signOut();
    }

    private void submitAndAccept(Report report, CurrentUser focalPoint, List<ReportEntry> entries) {
        reports.saveDraft(report.id(), focalPoint, report.lockVersion(), entries);
        reports.submit(report.id(), focalPoint, null);
        reports.validate(report.id(), Users.SECRETARIAT, ValidationDecision.ACCEPT, null);
    }

    private ResponseEntity<byte[]> get(String username, String url, String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        return as(username).exchange(url, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }

    private MvcResult page(String username, String path) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).with(user(users.loadUserByUsername(username))))
                .andReturn();
    }

    private long exportsAudited(String type, long id) {
        return jdbc.sql(
                        "select count(*) from audit_event where action = 'EXPORTED' and object_type = ? and object_id = ?")
                .params(type, String.valueOf(id))
                .query(Long.class)
                .single();
    }

    private String text(String code, Locale locale, Object... arguments) {
        return messages.getMessage(code, arguments, locale);
    }

    /** The first page as target/exports/NAME.png, to look at. */
    private static void keepForALook(byte[] pdf, String name) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            java.nio.file.Path folder = java.nio.file.Path.of("target/exports");
            java.nio.file.Files.createDirectories(folder);
            javax.imageio.ImageIO.write(
                    new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 70),
                    "png",
                    folder.resolve(name + ".png").toFile());
        }
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
