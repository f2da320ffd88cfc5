package org.compactreview.benchmarking.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.compactreview.benchmarking.ChangeCounts;
import org.compactreview.benchmarking.ObjectiveFigures;
import org.compactreview.benchmarking.RegionChange;
import org.compactreview.platform.UiLanguages;
import org.compactreview.report.RatingScale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The charts' data, as JSON for a data attribute that {@code static/js/benchmarking-charts.js}
 * draws (the strict CSP allows no inline script). The numbers are those of the table beside each
 * chart, which stays the source of truth.
 */
@Component
class BenchmarkingCharts {

    private final ObjectMapper json;
    private final MessageSource messages;

    BenchmarkingCharts(ObjectMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    /** Stacked bars: per objective, how many reports gave each rating level. */
    String distribution(List<ObjectiveFigures> objectives, Locale locale) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (int level : RatingScale.levels()) {
            int index = level - RatingScale.LOWEST;
            series.add(Map.of(
                    "name",
                    msg("rating." + level, locale),
                    "data",
                    objectives.stream()
                            .map(o -> o.distribution().counts().get(index))
                            .toList()));
        }
        List<String> categories = objectives.stream()
                .map(o -> msg("benchmarking.chart.objective", locale, o.objective()))
                .toList();
        return write(chart(msg("benchmarking.distribution", locale), categories, series, locale));
    }

    /** Stacked bars: per region, the pairs that improved, stayed and regressed. */
    String regions(List<RegionChange> regions, Locale locale) {
        List<String> categories =
                regions.stream().map(r -> msg("region." + r.region(), locale)).toList();
        List<Map<String, Object>> series = List.of(
                changeSeries("IMPROVED", regions, ChangeCounts::improved, locale),
                changeSeries("UNCHANGED", regions, ChangeCounts::unchanged, locale),
                changeSeries("REGRESSED", regions, ChangeCounts::regressed, locale));
        return write(chart(msg("benchmarking.regions", locale), categories, series, locale));
    }

    private Map<String, Object> changeSeries(
            String change, List<RegionChange> regions, Function<ChangeCounts, Integer> count, Locale locale) {
        return Map.of(
                "name",
                msg("benchmarking.change." + change, locale),
                "data",
                regions.stream().map(r -> count.apply(r.total())).toList());
    }

    private static Map<String, Object> chart(
            String title, List<String> categories, List<Map<String, Object>> series, Locale locale) {
        return Map.of(
                "title", title, "rtl", UiLanguages.isRightToLeft(locale), "categories", categories, "series", series);
    }

    private String msg(String code, Locale locale, Object... arguments) {
        return messages.getMessage(code, arguments, locale);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
