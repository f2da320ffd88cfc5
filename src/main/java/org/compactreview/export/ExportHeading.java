package org.compactreview.export;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.compactreview.platform.DateTexts;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What every exported table says about itself, in one place: the lines under its title (the
 * period it covers, when and by whom it was generated) and its file name. The audit action of an
 * export is {@link #AUDIT_ACTION} for every feature that exports.
 */
@Component
public class ExportHeading {

    public static final String AUDIT_ACTION = "EXPORTED";

    private final MessageSource messages;
    private final DateTexts dates;
    private final Clock clock;

    ExportHeading(MessageSource messages, DateTexts dates, Clock clock) {
        this.messages = messages;
        this.dates = dates;
        this.clock = clock;
    }

    /** "Period: 2026" and "Generated on … by …", in the reader's language. */
    public List<String> metadata(String period, String username, Locale locale) {
        return List.of(
                messages.getMessage("export.meta.period", new Object[] {period}, locale),
                messages.getMessage(
                        "export.meta.generated",
                        new Object[] {dates.dateTime(clock.instant(), locale), username},
                        locale));
    }

    /**
     * ASCII only, so that every browser and mail client keeps it, ending with today's date: {@code
     * fileName("cycle", "2027", "status")} is {@code cycle-2027-status-2027-03-01}.
     */
    public String fileName(String... parts) {
        StringBuilder name = new StringBuilder();
        for (String part : parts) {
            String safe = part.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
            if (!safe.isEmpty()) {
                name.append(safe).append('-');
            }
        }
        return name.append(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)).toString();
    }
}
