package org.compactreview.benchmarking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.compactreview.benchmarking.Benchmarks.BenchmarkCycle;
import org.compactreview.benchmarking.Benchmarks.CycleBenchmark;
import org.compactreview.benchmarking.Benchmarks.ParticipantProfile;
import org.compactreview.benchmarking.Benchmarks.ProfileCell;
import org.compactreview.benchmarking.Benchmarks.RegionBenchmark;
import org.compactreview.cycle.CycleKind;
import org.compactreview.cycle.CycleService;
import org.compactreview.cycle.OpenCycleRequest;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.export.ArabicText;
import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.ForbiddenException;
import org.compactreview.platform.NotFoundException;
import org.compactreview.report.Report;
import org.compactreview.report.ReportEntry;
import org.compactreview.report.ReportService;
import org.compactreview.report.ValidationDecision;
import org.compactreview.support.BrowserTest;
import org.compactreview.support.Users;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Benchmarking over two annual cycles driven through the real services, opened after every other
 * test's cycles so that the second is the latest with accepted reports and the first its previous.
 * First cycle: Egypt all 2 but objective 1 at 1, Jordan all 3 (both accepted), Morocco never
 * submits. Second: Egypt all 3 but objective 1 at 1, support needed on 5 and 7; Jordan all 2,
 * support on 5; Morocco all 4 (all accepted). Egypt's and Morocco's region is Africa, Jordan's Asia.
 */
class BenchmarkingIT extends BrowserTest {

    private static final Instant FIRST_OPENED = Instant.parse("2045-01-01T00:00:00Z");
    private static final Instant SECOND_OPENED = FIRST_OPENED.plus(100, ChronoUnit.DAYS);

    @Autowired
    CycleService cycles;

    @Autowired
    ReportService reports;

    @Autowired
    Benchmarking benchmarking;

    @Autowired
    BenchmarkingTables tables;

    @Autowired
    ObjectMapper json;

    @Test
    void twoAnnualCyclesOnTheServiceTheApiAndThePages() throws Exception {
        setClock(FIRST_OPENED);
        ReviewCycle first = open(FIRST_OPENED, "EGY", "JOR", "MAR");
        accept(first, Users.FP_EGY, entries(2, Map.of(1, 1)));
        accept(first, Users.FP_JOR, entries(3, Map.of()));
        setClock(SECOND_OPENED);
        ReviewCycle second = open(SECOND_OPENED, "EGY", "JOR", "MAR");
        accept(second, Users.FP_EGY, entries(3, Map.of(1, 1), 5, 7));
        accept(second, Users.FP_JOR, entries(2, Map.of(), 5));
        // Morocco's first report is still a draft: it counts nowhere until accepted.
        Report morocco = reports.list(Users.FP_MAR, second.id(), null).get(0);
        reports.saveDraft(morocco.id(), Users.FP_MAR, morocco.lockVersion(), entries(4, Map.of()));
        assertThat(benchmarking.cycle(Users.SECRETARIAT, second.id()).acceptedReports())
                .isEqualTo(2);
        accept(second, Users.FP_MAR, entries(4, Map.of()));

        List<BenchmarkCycle> benchmarked = benchmarking.cycles(Users.MANAGER);
        assertThat(benchmarked.get(0)).isEqualTo(new BenchmarkCycle(second.id(), second.period()));
        assertThat(benchmarked.get(1).id()).isEqualTo(first.id());
        assertThat(benchmarking.latestCycle(Users.MANAGER)).contains(second.id());

        CycleBenchmark figures = benchmarking.cycle(Users.SECRETARIAT, second.id());
        assertThat(figures.previous().id()).isEqualTo(first.id());
        assertThat(figures.participants()).isEqualTo(3);
        assertThat(figures.acceptedReports()).isEqualTo(3);
        ObjectiveFigures one = figures.objectives().get(0);
        assertThat(one.distribution().counts()).containsExactly(0, 1, 1, 0, 1);
        assertThat(one.distribution().percents())
                .containsExactly(pct("0.0"), pct("33.3"), pct("33.3"), pct("0.0"), pct("33.3"));
        assertThat(one.change()).isEqualTo(new ChangeCounts(0, 1, 1, 1));
        ObjectiveFigures two = figures.objectives().get(1);
        assertThat(two.distribution().counts()).containsExactly(0, 0, 1, 1, 1);
        assertThat(two.change()).isEqualTo(new ChangeCounts(1, 0, 1, 1));
        assertThat(figures.participantChanges())
                .extracting(ParticipantChange::code, ParticipantChange::change)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("EGY", new ChangeCounts(22, 1, 0, 0)),
                        org.assertj.core.groups.Tuple.tuple("JOR", new ChangeCounts(0, 0, 23, 0)),
                        org.assertj.core.groups.Tuple.tuple("MAR", new ChangeCounts(0, 0, 0, 23)));
        assertThat(figures.regions())
                .extracting(RegionChange::region, RegionChange::participants, RegionChange::total)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("AFRICA", 2, new ChangeCounts(22, 1, 0, 23)),
                        org.assertj.core.groups.Tuple.tuple("ASIA", 1, new ChangeCounts(0, 0, 23, 0)));
        assertThat(figures.regions().get(0).objectives().get(0).change()).isEqualTo(new ChangeCounts(0, 1, 0, 1));
        assertThat(figures.support())
                .extracting(
                        SupportRank::rank, SupportRank::objective, SupportRank::supportNeeded, SupportRank::lowRatings)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, 5, 2, 0),
                        org.assertj.core.groups.Tuple.tuple(2, 7, 1, 0),
                        org.assertj.core.groups.Tuple.tuple(3, 1, 0, 1));

        RegionBenchmark africa = benchmarking.region(Users.MANAGER, second.id(), "AFRICA");
        assertThat(africa.acceptedReports()).isEqualTo(2);
        assertThat(africa.participants()).extracting(ParticipantChange::code).containsExactly("EGY", "MAR");
        assertThat(africa.objectives().get(0).distribution().counts()).containsExactly(0, 1, 0, 0, 1);
        assertThat(africa.objectives().get(1).change()).isEqualTo(new ChangeCounts(1, 0, 0, 1));

        ParticipantProfile egypt = benchmarking.participant(Users.SECRETARIAT, "EGY");
        int firstColumn = column(egypt, first.id());
        int secondColumn = column(egypt, second.id());
        assertThat(secondColumn).isEqualTo(firstColumn + 1);
        ProfileCell objectiveTwoNow = egypt.rows().get(1).cells().get(secondColumn);
        assertThat(objectiveTwoNow.rating()).isEqualTo(3);
        assertThat(objectiveTwoNow.change()).isEqualTo(Change.IMPROVED);
        assertThat(objectiveTwoNow.achievements()).isEqualTo("Achieved on 2");
        assertThat(egypt.rows().get(0).cells().get(secondColumn).change()).isEqualTo(Change.UNCHANGED);
        assertThat(egypt.rows().get(4).cells().get(secondColumn).supportNeeded())
                .isTrue();
        ParticipantProfile moroccoProfile = benchmarking.participant(Users.SECRETARIAT, "MAR");
        assertThat(moroccoProfile
                        .rows()
                        .get(0)
                        .cells()
                        .get(column(moroccoProfile, first.id()))
                        .reported())
                .isFalse();

        // The tables an export will write: formatted in the language asked for.
        List<TableData> english = tables.ofCycle(Users.SECRETARIAT, second.id(), Locale.ENGLISH);
        assertThat(english).extracting(TableData::id).contains("benchmarking-distribution", "benchmarking-support");
        assertThat(english.get(0).values().get(0))
                .containsExactly(
                        "Objective 1: Data", "0 (0.0%)", "1 (33.3%)", "1 (33.3%)", "0 (0.0%)", "1 (33.3%)", "3", "0");
        assertThat(tables.ofCycle(Users.SECRETARIAT, second.id(), Locale.forLanguageTag("ar"))
                        .get(0)
                        .values()
                        .get(0)
                        .get(6))
                .isEqualTo("٣");

        assertThatThrownBy(() -> benchmarking.cycle(Users.FP_EGY, second.id())).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> benchmarking.cycle(
                        new CurrentUser(
                                "admin", java.util.Set.of(org.compactreview.identity.Role.ADMIN), java.util.Set.of()),
                        second.id()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> benchmarking.cycle(Users.MANAGER, 999_999_999L))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> benchmarking.region(Users.MANAGER, second.id(), "ATLANTIS"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> benchmarking.participant(Users.MANAGER, "XXX")).isInstanceOf(NotFoundException.class);

        // The API: the same figures as JSON; 403 to a focal point and an administrator, 404 for no such cycle.
        ResponseEntity<String> answer =
                as("manager").getForEntity("/api/v1/benchmarking/cycles/" + second.id(), String.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        JsonNode body = json.readTree(answer.getBody());
        assertThat(body.path("previous").path("id").asLong()).isEqualTo(first.id());
        assertThat(body.path("objectives")
                        .get(0)
                        .path("distribution")
                        .path("counts")
                        .toString())
                .isEqualTo("[0,1,1,0,1]");
        assertThat(body.path("support").get(0).path("objective").asInt()).isEqualTo(5);
        assertThat(status("fp-egy", "/api/v1/benchmarking/cycles/" + second.id()))
                .isEqualTo(403);
        assertThat(status("admin", "/api/v1/benchmarking/cycles")).isEqualTo(403);
        assertThat(status("secretariat", "/api/v1/benchmarking/cycles/999999999"))
                .isEqualTo(404);
        assertThat(status("secretariat", "/api/v1/benchmarking/cycles/" + second.id() + "/regions/ASIA"))
                .isEqualTo(200);
        assertThat(status("secretariat", "/api/v1/benchmarking/participants/EGY"))
                .isEqualTo(200);

        tablesAsFiles(second.id(), english);

        // The page: a chart drawn as SVG with bars beside the table of the same figures.
        signIn("secretariat");
        open("/benchmarking?lang=en");
        wide();
        assertThat(browser.findElement(By.cssSelector("#cycle option:checked")).getAttribute("value"))
                .isEqualTo(String.valueOf(second.id()));
        assertChartDrawn("chart-distribution");
        assertChartDrawn("chart-regions");
        assertThat(text("#benchmarking-distribution tbody tr:first-child td:nth-child(3)"))
                .isEqualTo("1 (33.3%)");
        assertThat(text("#benchmarking-support tbody tr:first-child th")).isEqualTo("1");
        assertThat(browser.findElement(By.id("export-benchmarking-distribution-csv"))
                        .getAttribute("href"))
                .endsWith(
                        "/benchmarking/cycles/" + second.id() + "/tables/benchmarking-distribution/export?format=csv");
        screenshot("benchmarking-en");
        narrow();
        screenshot("benchmarking-en-390");
        assertNoSidewaysScroll();
        open("/benchmarking?cycle=" + second.id() + "&lang=ar");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        assertChartDrawn("chart-distribution");
        narrow();
        screenshot("benchmarking-ar-390");
        assertNoSidewaysScroll();
        wide();
        screenshot("benchmarking-ar");

        // A participant's profile: its ratings per cycle, the texts one click away.
        open("/benchmarking/participants/EGY?lang=en");
        WebElement cell = browser.findElements(By.cssSelector("#benchmarking-profile tbody tr"))
                .get(1)
                .findElements(By.cssSelector("td"))
                .get(secondColumn);
        assertThat(cell.findElement(By.tagName("summary")).getText()).isEqualTo("3 – Advanced, Improved");
        cell.findElement(By.tagName("summary")).click();
        assertThat(cell.findElement(By.cssSelector("dd")).getText()).isEqualTo("Achieved on 2");
        screenshot("benchmarking-profile-en");
        narrow();
        screenshot("benchmarking-profile-en-390");
        assertNoSidewaysScroll();
        open("/benchmarking/participants/EGY?lang=ar");
        wide();
        screenshot("benchmarking-profile-ar");
        open("/benchmarking/regions/AFRICA?cycle=" + second.id() + "&lang=en");
        assertChartDrawn("chart-distribution");
        assertThat(text("#region-participants tbody tr:first-child th")).isEqualTo("Egypt");
        screenshot("benchmarking-region-en");
        open("/benchmarking?lang=en");
        signOut();
    }

    /**
     * Each table of the pages as a file, opened: the CSV holds the page's own cells, the XLSX is right
     * to left in Arabic with the Arabic headers, the PDF's text (PDFBox) holds the table, Arabic
     * included; each export is audited; an unknown table is 404, a focal point 403, no format 400.
     */
    private void tablesAsFiles(long cycleId, List<TableData> english) throws Exception {
        String base = "/api/v1/benchmarking/cycles/" + cycleId + "/tables/";
        long audited = exportsAudited("cycle", String.valueOf(cycleId));
        ResponseEntity<byte[]> csv = file("secretariat", base + "benchmarking-distribution/export?format=csv", "en");
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        assertThat(csv.getHeaders().getContentDisposition().getFilename())
                .startsWith("benchmarking-")
                .endsWith(".csv");
        String csvText = new String(csv.getBody(), StandardCharsets.UTF_8);
        assertThat(csvText)
                .startsWith("\uFEFF")
                .contains(String.join(
                        ",",
                        english.get(0).values().get(0).stream()
                                .map(v -> "\"" + v + "\"")
                                .toList()));
        assertThat(exportsAudited("cycle", String.valueOf(cycleId))).isEqualTo(audited + 1);

        Locale arabic = Locale.forLanguageTag("ar");
        TableData regionsInArabic =
                tables.ofCycle(Users.SECRETARIAT, cycleId, arabic).get(2);
        ResponseEntity<byte[]> xlsx = file("manager", base + "benchmarking-regions/export?format=xlsx", "ar");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.isRightToLeft()).isTrue();
            List<String> cells = new ArrayList<>();
            sheet.forEach(row -> row.forEach(cell -> cells.add(cell.getStringCellValue())));
            assertThat(cells)
                    .containsAll(regionsInArabic.headers())
                    .containsAll(regionsInArabic.values().get(0));
        }

        ResponseEntity<byte[]> pdf = file(
                "secretariat",
                "/api/v1/benchmarking/cycles/" + cycleId
                        + "/regions/AFRICA/tables/region-participants/export?format=pdf",
                "en");
        assertThat(pdf.getHeaders().getContentType()).hasToString("application/pdf");
        assertThat(pdfText(pdf.getBody())).contains("Egypt", "Morocco");
        ResponseEntity<byte[]> profile = file(
                "secretariat",
                "/api/v1/benchmarking/participants/EGY/tables/benchmarking-profile/export?format=pdf",
                "ar");
        String title =
                tables.ofParticipant(Users.SECRETARIAT, "EGY", arabic).get(0).title();
        assertThat(ArabicText.missingWords(pdfText(profile.getBody()), title)).isEmpty();
        assertThat(exportsAudited("participant", "EGY")).isPositive();

        assertThat(file("secretariat", base + "no-such-table/export?format=csv", "en")
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(file("secretariat", base + "benchmarking-distribution/export", "en")
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(file("fp-egy", base + "benchmarking-distribution/export?format=csv", "en")
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
    }

    private ResponseEntity<byte[]> file(String username, String url, String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        return as(username).exchange(url, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }

    private long exportsAudited(String type, String id) {
        return jdbc.sql(
                        "select count(*) from audit_event where action = 'EXPORTED' and object_type = ? and object_id = ?")
                .params(type, id)
                .query(Long.class)
                .single();
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private void assertChartDrawn(String id) {
        new WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + id + " svg path")));
        WebElement chart = browser.findElement(By.id(id));
        assertThat(chart.findElements(By.cssSelector("svg path")).size())
                .as(id + " bars")
                .isGreaterThan(5);
        String table = chart.getAttribute("data-table");
        assertThat(browser.findElements(By.id(table))).as(id + "'s table").hasSize(1);
    }

    private ReviewCycle open(Instant opened, String... participants) {
        return cycles.open(
                new OpenCycleRequest(
                        CycleKind.ANNUAL_REVIEW,
                        uniquePeriod("bench"),
                        List.of(participants),
                        opened.plus(30, ChronoUnit.DAYS),
                        null,
                        null),
                Users.SECRETARIAT);
    }

    private void accept(ReviewCycle cycle, CurrentUser focalPoint, List<ReportEntry> entries) {
        Report report = reports.list(focalPoint, cycle.id(), null).get(0);
        reports.saveDraft(report.id(), focalPoint, report.lockVersion(), entries);
        reports.submit(report.id(), focalPoint, null);
        reports.validate(report.id(), Users.SECRETARIAT, ValidationDecision.ACCEPT, null);
    }

    /** All 23 objectives rated {@code rating} but those in {@code except}; support on {@code support}. */
    private static List<ReportEntry> entries(int rating, Map<Integer, Integer> except, Integer... support) {
        List<Integer> flagged = List.of(support);
        return IntStream.rangeClosed(1, 23)
                .mapToObj(n -> new ReportEntry(
                        n,
                        except.getOrDefault(n, rating),
                        "Achieved on " + n,
                        "Obstacles on " + n,
                        "Priorities on " + n,
                        flagged.contains(n)))
                .toList();
    }

    private static int column(ParticipantProfile profile, long cycleId) {
        for (int i = 0; i < profile.cycles().size(); i++) {
            if (profile.cycles().get(i).id() == cycleId) {
                return i;
            }
        }
        throw new AssertionError("no column for cycle " + cycleId);
    }

    private int status(String username, String path) {
        return as(username).getForEntity(path, String.class).getStatusCode().value();
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css))
                .getAttribute("textContent")
                .trim();
    }

    private void wide() {
        browser.manage().window().setSize(new Dimension(1366, 768));
    }

    private void narrow() {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.executeScript("document.getElementById('main').scrollIntoView({block: 'start', behavior: 'instant'})");
    }

    private void assertNoSidewaysScroll() {
        Object overflow = browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as(browser.getCurrentUrl()).isLessThanOrEqualTo(0);
    }

    private static BigDecimal pct(String value) {
        return new BigDecimal(value);
    }
}
