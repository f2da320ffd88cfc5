package org.compactreview.history;

import java.util.HashMap;
import java.util.Map;
import org.compactreview.audit.AuditLog;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.identity.AppUser;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.UserDirectory;
import org.compactreview.platform.NotFoundException;
import org.compactreview.report.ReportService;
import org.compactreview.task.TaskGateway;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Names instead of codes, asked of the modules that own them: people from {@code identity},
 * participants from {@code framework}, a report's participant and a task's kind from
 * {@code report} and {@code task}, each as the viewer may see it (an object out of the viewer's
 * reach keeps its id).
 */
@Component
class AuditNames {

    private final MessageSource messages;
    private final UserDirectory users;
    private final FrameworkCatalog framework;
    private final ReportService reports;
    private final TaskGateway tasks;

    AuditNames(
            MessageSource messages,
            UserDirectory users,
            FrameworkCatalog framework,
            ReportService reports,
            TaskGateway tasks) {
        this.messages = messages;
        this.users = users;
        this.framework = framework;
        this.reports = reports;
        this.tasks = tasks;
    }

    /** The names of one page, each looked up once. */
    Lookups forPage(CurrentUser viewer) {
        return new Lookups(viewer);
    }

    String participantName(String code) {
        if (code == null) {
            return "";
        }
        return framework.participant(code).map(p -> p.name()).orElse(code);
    }

    private String message(String code) {
        return messages.getMessage(code, null, null, LocaleContextHolder.getLocale());
    }

    /** Names looked up for one page, each once. */
    final class Lookups {

        private final CurrentUser viewer;
        private final Map<String, String> people = new HashMap<>();
        private final Map<String, String> objects = new HashMap<>();

        private Lookups(CurrentUser viewer) {
            this.viewer = viewer;
        }

        CurrentUser viewer() {
            return viewer;
        }

        /** "Display name (username)"; "System" for timers and jobs; the username alone if unknown. */
        String personName(String username) {
            if (username == null) {
                return "";
            }
            if (AuditLog.SYSTEM.equals(username)) {
                String system = message("audit.actor.system");
                return system == null ? username : system;
            }
            return people.computeIfAbsent(username, u -> users.find(u)
                    .map(AppUser::displayName)
                    .filter(name -> !name.isBlank())
                    .map(name -> name + " (" + u + ")")
                    .orElse(u));
        }

        /** The object's name where it has one the viewer may see: a report's participant, a task's kind. */
        String objectName(String type, String id) {
            return objects.computeIfAbsent(type + "/" + id, key -> switch (type) {
                case "report" -> reportName(id);
                case "task" -> taskName(id);
                case "user" -> personName(id);
                case "participant" -> participantName(id);
                default -> "";
            });
        }

        private String reportName(String id) {
            try {
                return participantName(reports.get(Long.parseLong(id), viewer).participantCode());
            } catch (NotFoundException | NumberFormatException unseen) {
                return "";
            }
        }

        private String taskName(String id) {
            try {
                var task = tasks.get(id, viewer);
                String kind = message("task." + task.taskKey());
                kind = kind == null ? task.taskKey() : kind;
                return task.participantCode() == null ? kind : kind + " · " + participantName(task.participantCode());
            } catch (NotFoundException | AccessDeniedException gone) {
                return "";
            }
        }
    }
}
