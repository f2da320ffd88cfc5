package org.compactreview.benchmarking;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.compactreview.benchmarking.Benchmarks.BenchmarkCycle;
import org.compactreview.benchmarking.Benchmarks.CycleBenchmark;
import org.compactreview.benchmarking.Benchmarks.ParticipantProfile;
import org.compactreview.benchmarking.Benchmarks.ProfileCell;
import org.compactreview.benchmarking.Benchmarks.ProfileRow;
import org.compactreview.benchmarking.Benchmarks.RegionBenchmark;
import org.compactreview.benchmarking.TableData.Cell;
import org.compactreview.benchmarking.TableData.Detail;
import org.compactreview.identity.CurrentUser;
import org.compactreview.report.RatingScale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The tables of the benchmarking pages, formatted in a language: the pages render them and an
 * export can write them (CSV, XLSX, PDF) from {@link TableData#values()}. Access is checked by
 * {@link Benchmarking}.
 */
@Service
public class BenchmarkingTables {

    private final Benchmarking benchmarking;
    private final MessageSource messages;

    BenchmarkingTables(Benchmarking benchmarking, MessageSource messages) {
        this.benchmarking = benchmarking;
        this.messages = messages;
    }

    /** A cycle's tables: distribution, change per objective, change per region, support, participants. */
    public List<TableData> ofCycle(CurrentUser user, long cycleId, Locale locale) {
        return ofCycle(benchmarking.cycle(user, cycleId), locale);
    }

    public List<TableData> ofRegion(CurrentUser user, long cycleId, String region, Locale locale) {
        return ofRegion(benchmarking.region(user, cycleId, region), locale);
    }

    public List<TableData> ofParticipant(CurrentUser user, String code, Locale locale) {
        return List.of(profile(benchmarking.participant(user, code), locale));
    }

    /** The tables of figures already computed (the page shows them beside its charts). */
    public List<TableData> ofCycle(CycleBenchmark figures, Locale locale) {
        Text t = new Text(locale);
        return List.of(
                distribution(figures.objectives(), t),
                changePerObjective(figures.objectives(), t),
                regions(figures, t),
                support(figures.support(), t),
                participants("benchmarking-participants", figures.participantChanges(), t));
    }

    public List<TableData> ofRegion(RegionBenchmark figures, Locale locale) {
        Text t = new Text(locale);
        return List.of(
                distribution(figures.objectives(), t),
                changePerObjective(figures.objectives(), t),
                participants("region-participants", figures.participants(), t));
    }

    private TableData distribution(List<ObjectiveFigures> objectives, Text t) {
        List<String> headers = new ArrayList<>(List.of(t.msg("benchmarking.objective")));
        RatingScale.levels().forEach(level -> headers.add(t.msg("rating." + level)));
        headers.add(t.msg("benchmarking.rated"));
        headers.add(t.msg("benchmarking.no-rating"));
        List<List<Cell>> rows = new ArrayList<>();
        for (ObjectiveFigures o : objectives) {
            List<Cell> row = new ArrayList<>(List.of(Cell.of(t.objective(o.objective()))));
            Distribution d = o.distribution();
            for (int i = 0; i < d.counts().size(); i++) {
                row.add(Cell.of(t.msg(
                        "benchmarking.count-percent",
                        t.count(d.counts().get(i)),
                        t.percent(d.percents().get(i)))));
            }
            row.add(Cell.of(t.count(d.rated())));
            row.add(Cell.of(t.count(d.noRating())));
            rows.add(row);
        }
        return new TableData("benchmarking-distribution", t.msg("benchmarking.distribution"), headers, rows);
    }

    private TableData changePerObjective(List<ObjectiveFigures> objectives, Text t) {
        List<List<Cell>> rows = new ArrayList<>();
        for (ObjectiveFigures o : objectives) {
            List<Cell> row = new ArrayList<>(List.of(Cell.of(t.objective(o.objective()))));
            row.addAll(t.changeCells(o.change()));
            rows.add(row);
        }
        List<String> headers = new ArrayList<>(List.of(t.msg("benchmarking.objective")));
        headers.addAll(t.changeHeaders());
        return new TableData("benchmarking-change", t.msg("benchmarking.change"), headers, rows);
    }

    private TableData regions(CycleBenchmark figures, Text t) {
        List<List<Cell>> rows = new ArrayList<>();
        for (RegionChange region : figures.regions()) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.link(
                    t.msg("region." + region.region()),
                    "/benchmarking/regions/" + region.region() + "?cycle="
                            + figures.cycle().id()));
            row.add(Cell.of(t.count(region.participants())));
            row.addAll(t.changeCells(region.total()));
            rows.add(row);
        }
        List<String> headers =
                new ArrayList<>(List.of(t.msg("benchmarking.region"), t.msg("benchmarking.participants")));
        headers.addAll(t.changeHeaders());
        return new TableData("benchmarking-regions", t.msg("benchmarking.regions"), headers, rows);
    }

    private TableData support(List<SupportRank> ranks, Text t) {
        List<List<Cell>> rows = ranks.stream()
                .map(r -> List.of(
                        Cell.of(t.count(r.rank())),
                        Cell.of(t.objective(r.objective())),
                        Cell.of(t.count(r.supportNeeded())),
                        Cell.of(t.count(r.lowRatings())),
                        Cell.of(t.count(r.rated()))))
                .toList();
        return new TableData(
                "benchmarking-support",
                t.msg("benchmarking.support"),
                List.of(
                        t.msg("benchmarking.rank"),
                        t.msg("benchmarking.objective"),
                        t.msg("benchmarking.support-needed"),
                        t.msg("benchmarking.low-ratings"),
                        t.msg("benchmarking.rated")),
                rows);
    }

    private TableData participants(String id, List<ParticipantChange> participants, Text t) {
        List<List<Cell>> rows = new ArrayList<>();
        for (ParticipantChange p : participants) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.link(p.name(), "/benchmarking/participants/" + p.code()));
            row.add(Cell.of(p.region() == null ? "" : t.msg("region." + p.region())));
            row.add(Cell.of(t.msg(p.acceptedNow() ? "benchmarking.yes" : "benchmarking.no")));
            row.addAll(t.changeCells(p.change()));
            rows.add(row);
        }
        List<String> headers = new ArrayList<>(List.of(
                t.msg("benchmarking.participant"), t.msg("benchmarking.region"), t.msg("benchmarking.accepted-now")));
        headers.addAll(t.changeHeaders());
        return new TableData(id, t.msg("benchmarking.participant-changes"), headers, rows);
    }

    public TableData profile(ParticipantProfile profile, Locale locale) {
        Text t = new Text(locale);
        List<String> headers = new ArrayList<>(List.of(t.msg("benchmarking.objective")));
        profile.cycles().stream().map(BenchmarkCycle::period).forEach(headers::add);
        List<List<Cell>> rows = new ArrayList<>();
        for (ProfileRow row : profile.rows()) {
            List<Cell> cells = new ArrayList<>(List.of(Cell.of(t.objective(row.objective()))));
            for (ProfileCell cell : row.cells()) {
                cells.add(profileCell(cell, t));
            }
            rows.add(cells);
        }
        return new TableData("benchmarking-profile", t.msg("benchmarking.profile.table"), headers, rows);
    }

    private static Cell profileCell(ProfileCell cell, Text t) {
        if (!cell.reported()) {
            return Cell.of(t.msg("benchmarking.not-reported"));
        }
        String rating = cell.rating() == null
                ? t.msg("benchmarking.no-rating")
                : t.msg("report.rating.option", t.count(cell.rating()), t.msg("rating." + cell.rating()));
        String text = rating;
        if (cell.change() != Change.NOT_COMPARABLE) {
            text = t.msg("benchmarking.cell-change", rating, t.msg("benchmarking.change." + cell.change()));
        }
        if (cell.supportNeeded()) {
            text = t.msg("benchmarking.cell-support", text);
        }
        List<Detail> details = new ArrayList<>();
        addDetail(details, t.msg("benchmarking.achievements"), cell.achievements());
        addDetail(details, t.msg("benchmarking.obstacles"), cell.obstacles());
        addDetail(details, t.msg("benchmarking.priorities"), cell.priorities());
        return new Cell(text, "/reports/" + cell.reportId() + "/versions/" + cell.version(), List.copyOf(details));
    }

    private static void addDetail(List<Detail> details, String label, String text) {
        if (text != null && !text.isBlank()) {
            details.add(new Detail(label, text));
        }
    }

    /** Messages and numbers in one language; Arabic with Arabic-Indic digits, like the other pages. */
    private final class Text {

        private final Locale locale;
        private final Locale numbers;

        Text(Locale locale) {
            this.locale = locale;
            this.numbers = "ar".equals(locale.getLanguage())
                    ? new Locale.Builder()
                            .setLocale(locale)
                            .setUnicodeLocaleKeyword("nu", "arab")
                            .build()
                    : locale;
        }

        String msg(String code, Object... arguments) {
            return messages.getMessage(code, arguments, locale);
        }

        String objective(int number) {
            return msg("report.objective", count(number), msg("objective." + number));
        }

        String count(long value) {
            return NumberFormat.getIntegerInstance(numbers).format(value);
        }

        String percent(BigDecimal value) {
            if (value == null) {
                return "\u2014";
            }
            NumberFormat format = NumberFormat.getPercentInstance(numbers);
            format.setMinimumFractionDigits(1);
            format.setMaximumFractionDigits(1);
            return format.format(value.movePointLeft(2));
        }

        List<String> changeHeaders() {
            return List.of(
                    msg("benchmarking.change.IMPROVED"),
                    msg("benchmarking.change.UNCHANGED"),
                    msg("benchmarking.change.REGRESSED"),
                    msg("benchmarking.change.NOT_COMPARABLE"));
        }

        List<Cell> changeCells(ChangeCounts c) {
            return List.of(
                    Cell.of(count(c.improved())),
                    Cell.of(count(c.unchanged())),
                    Cell.of(count(c.regressed())),
                    Cell.of(count(c.notComparable())));
        }
    }
}
