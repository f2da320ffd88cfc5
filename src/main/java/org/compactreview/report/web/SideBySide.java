package org.compactreview.report.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.compactreview.report.ReportEntry;
import org.compactreview.report.ReportVersion;

/** The rows of the validation view: each objective in the submitted and the previous version. */
record SideBySide(int objective, ReportEntry current, ReportEntry previous, boolean changed) {

    static List<SideBySide> rows(ReportVersion current, ReportVersion previous) {
        List<SideBySide> rows = new ArrayList<>();
        if (current == null) {
            return rows;
        }
        for (ReportEntry entry : current.entries()) {
            ReportEntry before = previous == null
                    ? null
                    : previous.entries().stream()
                            .filter(e -> e.objective() == entry.objective())
                            .findFirst()
                            .orElse(null);
            rows.add(
                    new SideBySide(entry.objective(), entry, before, before != null && !Objects.equals(before, entry)));
        }
        return rows;
    }
}
