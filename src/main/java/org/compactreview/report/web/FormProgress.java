package org.compactreview.report.web;

import java.time.format.DecimalStyle;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.compactreview.framework.RoundTables;
import org.compactreview.report.Report;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;

/**
 * How far the form is: which of the objectives shown are rated (for a regional review: have a
 * summary of progress), as typed, so that the "n of 23 rated" counter and the index are right on
 * load, also when a refused save shows the form again. The page's script keeps them up to date
 * while the user types, with the language's digits ({@code zeroDigit}).
 */
record FormProgress(Set<Integer> done, int total, boolean regional, char zeroDigit) {

    static void addTo(Model model, ReportForm form, Report report, List<RoundTables.Group> groups) {
        Set<Integer> done = new TreeSet<>();
        int total = 0;
        for (RoundTables.Group group : groups) {
            for (int objective : group.objectives()) {
                total++;
                if (complete(form, objective, report.regional())) {
                    done.add(objective);
                }
            }
        }
        char zero = DecimalStyle.of(LocaleContextHolder.getLocale()).getZeroDigit();
        model.addAttribute("progress", new FormProgress(done, total, report.regional(), zero));
    }

    private static boolean complete(ReportForm form, int objective, boolean regional) {
        if (objective - 1 >= form.getEntries().size() || form.getEntries().get(objective - 1) == null) {
            return false;
        }
        ReportForm.EntryForm entry = form.getEntries().get(objective - 1);
        String value = regional ? entry.getAchievements() : entry.getRating();
        return value != null && !value.isBlank();
    }

    public int count() {
        return done.size();
    }
}
