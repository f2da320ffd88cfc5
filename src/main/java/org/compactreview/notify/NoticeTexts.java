package org.compactreview.notify;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.compactreview.cycle.CycleService;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.framework.Participant;
import org.compactreview.identity.UserDirectory;
import org.compactreview.platform.DateTexts;
import org.compactreview.platform.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The one home of a notice's words, for the mails and for the bell's pages alike: the
 * participant's name from the catalog, the cycle's name, the task's name, the due date in the
 * reader's time zone and the other person's name fill the kind's {@code subject}, {@code body} and
 * {@code action} messages (arguments 0 to 4, see {@link NoticeKind}) in the reader's language.
 */
@Component
public class NoticeTexts {

    private final MessageSource messages;
    private final FrameworkCatalog framework;
    private final CycleService cycles;
    private final UserDirectory users;

    NoticeTexts(MessageSource messages, FrameworkCatalog framework, CycleService cycles, UserDirectory users) {
        this.messages = messages;
        this.framework = framework;
        this.cycles = cycles;
        this.users = users;
    }

    /** A notice's words in a language, its dates in a time zone. */
    public Words words(Notice notice, Locale locale, ZoneId zone) {
        DateTexts dates = new DateTexts(messages, zone);
        Object[] arguments = {
            participantName(notice.participantCode(), locale),
            cycleName(notice.cycleId(), locale),
            notice.taskKey() == null
                    ? ""
                    : messages.getMessage("task." + notice.taskKey(), null, notice.taskKey(), locale),
            dates.dateTime(notice.dueAt(), locale),
            otherName(notice.otherUser())
        };
        NoticeKind kind = notice.kind();
        return new Words(
                messages.getMessage(kind.messageKey("subject"), arguments, locale),
                messages.getMessage(kind.messageKey("body"), arguments, locale),
                notice.detail(),
                messages.getMessage(kind.messageKey("action"), arguments, locale));
    }

    private String participantName(String code, Locale locale) {
        return code == null
                ? ""
                : framework.participant(code, locale).map(Participant::name).orElse(code);
    }

    private String cycleName(Long id, Locale locale) {
        if (id == null) {
            return "";
        }
        try {
            ReviewCycle cycle = cycles.get(id);
            return messages.getMessage("cycle.name." + cycle.kind().name(), new Object[] {cycle.period()}, locale);
        } catch (NotFoundException gone) {
            return String.valueOf(id);
        }
    }

    private String otherName(String username) {
        if (username == null) {
            return "";
        }
        return users.displayNames(List.of(username)).getOrDefault(username, username);
    }

    /** What a reader reads of a notice; {@code detail} is user text (a return comment), in its own direction. */
    public record Words(String subject, String body, String detail, String action) {}
}
