package org.compactreview.discussion;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.compactreview.audit.AuditLog;
import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.ConflictException;
import org.compactreview.platform.NotFoundException;
import org.compactreview.platform.Page;
import org.compactreview.platform.PageRequest;
import org.compactreview.report.Report;
import org.compactreview.report.ReportService;
import org.compactreview.report.ReportStatus;
import org.compactreview.report.ReportVersion;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comment threads on reports and tasks, for whoever may see the report or task, oldest first.
 * Comments are a record of the exchange: they are never edited. Their author may withdraw one
 * within {@link #DELETE_WINDOW} of posting (a slip of the keyboard), after that it stays. Posting
 * and withdrawing are audited on the report or task.
 */
@Service
public class CommentService {

    /** How long after posting its author may still withdraw a comment. */
    public static final Duration DELETE_WINDOW = Duration.ofMinutes(15);

    private final CommentRepository comments;
    private final Subjects subjects;
    private final ReportService reports;
    private final AuditLog audit;
    private final Clock clock;

    CommentService(CommentRepository comments, Subjects subjects, ReportService reports, AuditLog audit, Clock clock) {
        this.comments = comments;
        this.subjects = subjects;
        this.reports = reports;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<Comment> ofReport(long reportId, Integer objective, CurrentUser user, PageRequest page) {
        subjects.report(reportId, user);
        if (objective != null) {
            subjects.objective("objective", objective);
        }
        return new Page<>(
                view(comments.ofReport(reportId, objective, page), user),
                page.page(),
                page.size(),
                comments.countOfReport(reportId, objective));
    }

    @Transactional(readOnly = true)
    public Page<Comment> ofTask(String taskId, CurrentUser user, PageRequest page) {
        subjects.task(taskId, user);
        return new Page<>(
                view(comments.ofTask(taskId, page), user), page.page(), page.size(), comments.countOfTask(taskId));
    }

    @Transactional
    public Comment postOnReport(long reportId, Integer objective, String text, CurrentUser user) {
        subjects.report(reportId, user);
        if (objective != null) {
            subjects.objective("objective", objective);
        }
        String body = DiscussionRules.text("text", text, DiscussionRules.MAX_TEXT);
        long id = comments.insert(
                reportId, objective, null, user.username(), Subjects.secretariat(user), body, clock.instant());
        audit.record("COMMENT_POSTED", "report", reportId, null, described(id, objective, body));
        return find(id, user);
    }

    @Transactional
    public Comment postOnTask(String taskId, String text, CurrentUser user) {
        subjects.task(taskId, user);
        String body = DiscussionRules.text("text", text, DiscussionRules.MAX_TEXT);
        long id =
                comments.insert(null, null, taskId, user.username(), Subjects.secretariat(user), body, clock.instant());
        audit.record("COMMENT_POSTED", "task", taskId, null, described(id, null, body));
        return find(id, user);
    }

    /** The author withdraws a comment within the window: 403 for anyone else, 409 once it has passed. */
    @Transactional
    public void delete(long id, CurrentUser user) {
        CommentRepository.Row row = visible(id, user);
        if (!row.author().equals(user.username())) {
            throw new AccessDeniedException("only its author withdraws a comment");
        }
        if (!withinWindow(row)) {
            throw new ConflictException("problem.comment.window-passed", DELETE_WINDOW.toMinutes());
        }
        comments.delete(id);
        String type = row.reportId() != null ? "report" : "task";
        Object objectId = row.reportId() != null ? row.reportId() : row.taskId();
        audit.record("COMMENT_DELETED", type, objectId, described(id, row.objective(), row.body()), null);
    }

    /**
     * What the secretariat said about each objective when it returned the report: its comments
     * naming an objective since the version it returned was submitted. Empty unless the report is
     * returned.
     */
    @Transactional(readOnly = true)
    public Map<Integer, List<Comment>> returnNotes(Report report, CurrentUser user) {
        if (report.status() != ReportStatus.RETURNED) {
            return Map.of();
        }
        List<ReportVersion> versions = reports.versions(report.id(), user);
        if (versions.isEmpty()) {
            return Map.of();
        }
        Instant since = versions.get(versions.size() - 1).submittedAt();
        return view(comments.secretariatOnObjectivesSince(report.id(), since), user).stream()
                .collect(Collectors.groupingBy(Comment::objective, LinkedHashMap::new, Collectors.toList()));
    }

    private Comment find(long id, CurrentUser user) {
        return view(List.of(comments.find(id).orElseThrow()), user).get(0);
    }

    private CommentRepository.Row visible(long id, CurrentUser user) {
        CommentRepository.Row row = comments.find(id).orElseThrow(() -> new NotFoundException("comment", id));
        try {
            if (row.reportId() != null) {
                subjects.report(row.reportId(), user);
            } else {
                subjects.task(row.taskId(), user);
            }
        } catch (NotFoundException outside) {
            throw new NotFoundException("comment", id);
        }
        return row;
    }

    private boolean withinWindow(CommentRepository.Row row) {
        return clock.instant().isBefore(row.createdAt().plus(DELETE_WINDOW));
    }

    private List<Comment> view(List<CommentRepository.Row> rows, CurrentUser user) {
        return rows.stream()
                .map(r -> new Comment(
                        r.id(),
                        r.reportId(),
                        r.objective(),
                        r.taskId(),
                        r.author(),
                        r.bySecretariat(),
                        r.body(),
                        r.createdAt(),
                        r.author().equals(user.username()) && withinWindow(r)))
                .toList();
    }

    private static Map<String, Object> described(long id, Integer objective, String body) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("commentId", id);
        if (objective != null) {
            described.put("objective", objective);
        }
        described.put("text", body);
        return described;
    }
}
