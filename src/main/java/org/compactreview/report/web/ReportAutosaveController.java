package org.compactreview.report.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.ConflictException;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.Problems;
import org.compactreview.report.Report;
import org.compactreview.report.ReportService;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The report form's autosave: the page's script posts the whole form a few seconds after the user
 * stops typing, and this saves it exactly as "Save draft" does (the entries the user changed,
 * judged stale per section against the lock version the page holds, one audit event per save
 * that changed something), then answers a small status fragment for the page to show: saved at
 * a time with the new lock version for the page to keep (200), a colleague saved a newer version
 * of a section the user changed (409: nothing is written and the page keeps the typed text), or a
 * check failed (422: the user sees the field when saving by hand).
 */
@Controller
class ReportAutosaveController {

    static final String STATUS = "report/autosave :: status";

    private final ReportService reports;
    private final FrameworkCatalog framework;
    private final Problems problems;

    ReportAutosaveController(ReportService reports, FrameworkCatalog framework, Problems problems) {
        this.reports = reports;
        this.framework = framework;
        this.problems = problems;
    }

    @InitBinder("form")
    void bindOnlyTheFormsEntries(WebDataBinder binder) {
        FormEntries.bindOnlyTheFormsEntries(binder, framework);
    }

    @PostMapping("/reports/{id}/autosave")
    String autosave(
            @PathVariable long id,
            @ModelAttribute("form") ReportForm form,
            BindingResult errors,
            CurrentUser user,
            Model model,
            HttpServletResponse response) {
        Locale locale = LocaleContextHolder.getLocale();
        if (FormEntries.outsideTheForm(errors).isPresent()) {
            return refused(response, model, 422, problems.text(locale, "report.autosave.invalid"));
        }
        try {
            Report saved = reports.saveDraft(
                    id, user, form.getLockVersion(), FormEntries.touched(form).entries());
            model.addAttribute("lockVersion", saved.lockVersion());
            model.addAttribute("savedAt", time(saved, locale));
            return STATUS;
        } catch (InvalidInputException invalid) {
            return refused(response, model, 422, problems.text(locale, "report.autosave.invalid"));
        } catch (ConflictException conflict) {
            String message = "problem.report.stale".equals(conflict.messageCode())
                    ? problems.text(locale, "report.autosave.stale", conflict.arguments()[0])
                    : problems.describe(conflict);
            return refused(response, model, 409, message);
        }
    }

    private static String refused(HttpServletResponse response, Model model, int status, String message) {
        response.setStatus(status);
        model.addAttribute("refused", message);
        return STATUS;
    }

    /** The time of the save in the user's language and digits, in UTC as every date of the app. */
    private static String time(Report saved, Locale locale) {
        if (saved.updatedAt() == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                .withLocale(locale)
                .withDecimalStyle(DecimalStyle.of(locale))
                .withZone(ZoneOffset.UTC)
                .format(saved.updatedAt());
    }
}
