package org.compactreview.report.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.report.ReportEntry;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;

/**
 * What the report form's save and its autosave share: which fields a post may bind, which entries
 * it changed, and where the service's field names sit on the form.
 */
final class FormEntries {

    /** A field of the entries a save sent: {@code entries[k].rating}. */
    private static final Pattern SENT_ENTRY = Pattern.compile("^entries\\[(\\d+)](.*)$");

    /** The anchor a save may return to: an objective's fieldset ({@code objective-7}). */
    private static final Pattern OBJECTIVE_ANCHOR = Pattern.compile("^objective-(\\d{1,2})$");

    private FormEntries() {}

    /** The entries the user changed, with the form index each came from. */
    record Touched(List<Integer> formIndexes, List<ReportEntry> entries) {

        /** A problem's field as the service named it ({@code entries[k]} of what was sent), as on the form. */
        String onTheForm(String field) {
            Matcher sent = SENT_ENTRY.matcher(field);
            if (sent.matches() && Integer.parseInt(sent.group(1)) < formIndexes.size()) {
                return "entries[" + formIndexes.get(Integer.parseInt(sent.group(1))) + "]" + sent.group(2);
            }
            return field;
        }
    }

    /**
     * Binds only the fields the form has: one entry per objective (index = number - 1). Any other
     * index ({@code entries[300]}, {@code entries[-1]}) is left unbound and refused with a message,
     * instead of failing inside the binder.
     */
    static void bindOnlyTheFormsEntries(WebDataBinder binder, FrameworkCatalog framework) {
        List<String> fields = new ArrayList<>(List.of("lockVersion"));
        framework.objectives().forEach(o -> fields.add("entries[" + (o.number() - 1) + "].*"));
        binder.setAllowedFields(fields.toArray(String[]::new));
    }

    /** The first entry field a post sent that the form does not have. */
    static Optional<String> outsideTheForm(BindingResult errors) {
        return Arrays.stream(errors.getSuppressedFields())
                .filter(field -> field.startsWith("entries"))
                .findFirst();
    }

    /**
     * Only the entries the user changed: the others may have been saved meanwhile by a colleague or
     * a contributor, whose work an old copy must not overwrite.
     */
    static Touched touched(ReportForm form) {
        List<Integer> formIndexes = new ArrayList<>();
        List<ReportEntry> entries = new ArrayList<>();
        for (int i = 0; i < form.getEntries().size(); i++) {
            ReportForm.EntryForm entry = form.getEntries().get(i);
            if (entry != null && entry.touched()) {
                formIndexes.add(i);
                entries.add(entry.toEntry());
            }
        }
        return new Touched(formIndexes, entries);
    }

    /**
     * Where a save returns to: the objective the user was in (an anchor the page's script keeps
     * in a hidden field), else the top. Anything else is ignored, so no post can redirect elsewhere.
     */
    static String returnAnchor(String anchor, FrameworkCatalog framework) {
        if (anchor == null) {
            return "";
        }
        Matcher objective = OBJECTIVE_ANCHOR.matcher(anchor);
        return objective.matches() && framework.isObjective(Integer.parseInt(objective.group(1))) ? "#" + anchor : "";
    }
}
