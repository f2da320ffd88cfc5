package org.compactreview.cycle.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.compactreview.cycle.CycleService;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.framework.Participant;
import org.compactreview.platform.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * {@code ${@names.participant(code)}} and {@code ${@names.cycle(id)}} in templates: what people
 * call a participant (its name, in the catalog's words) and a cycle ("Annual review 2026"), so that
 * no page shows a bare participant code or cycle number (issue 14). A cycle's kind and period never
 * change once it is open, so they are remembered by id: a page of fifty rows asks the database
 * once per cycle, not once per row.
 */
@Component("names")
public class Names {

    private record Title(String kind, String period) {}

    private final FrameworkCatalog framework;
    private final CycleService cycles;
    private final MessageSource messages;
    private final Map<Long, Title> titles = new ConcurrentHashMap<>();

    Names(FrameworkCatalog framework, CycleService cycles, MessageSource messages) {
        this.framework = framework;
        this.cycles = cycles;
        this.messages = messages;
    }

    /** The participant's name; its code when the catalog does not know it (never blank). */
    public String participant(String code) {
        if (code == null) {
            return "";
        }
        return framework.participant(code).map(Participant::name).orElse(code);
    }

    /** "Annual review 2026": the cycle's kind and period in the user's language. */
    public String cycle(Long id) {
        if (id == null) {
            return "";
        }
        Title title = titles.get(id);
        if (title == null) {
            try {
                ReviewCycle cycle = cycles.get(id);
                title = new Title(cycle.kind().name(), cycle.period());
                titles.put(id, title);
            } catch (NotFoundException gone) {
                return String.valueOf(id);
            }
        }
        return messages.getMessage(
                "cycle.name." + title.kind(), new Object[] {title.period()}, LocaleContextHolder.getLocale());
    }
}
