package org.compactreview.discussion.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.compactreview.capacity.CapacityRequest;
import org.compactreview.discussion.Attachment;
import org.compactreview.discussion.AttachmentService;
import org.compactreview.discussion.AttachmentType;
import org.compactreview.discussion.Comment;
import org.compactreview.discussion.CommentService;
import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.Page;
import org.compactreview.platform.PageRequest;
import org.compactreview.report.Report;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What the discussion fragments show inside other modules' pages ({@code discussion/fragments}),
 * read with the signed-in user's rights: {@code ${@discussionViews.reportPanel(report)}}. The
 * page's thread shows the page of comments that {@code ?comments=} asks for, oldest first.
 */
@Component("discussionViews")
class DiscussionViews {

    static final int COMMENTS_PER_PAGE = 20;

    private final CommentService comments;
    private final AttachmentService attachments;
    private final Viewer viewer;

    DiscussionViews(CommentService comments, AttachmentService attachments, Viewer viewer) {
        this.comments = comments;
        this.attachments = attachments;
        this.viewer = viewer;
    }

    /** A report's thread and evidence, and what the viewer may add. */
    public ReportPanel reportPanel(Report report) {
        CurrentUser user = viewer.current();
        return new ReportPanel(
                comments.ofReport(report.id(), null, user, new PageRequest(commentPage(), COMMENTS_PER_PAGE)),
                evidence(report).values().stream().flatMap(List::stream).toList(),
                user.represents(report.participantCode()) && report.status().editable(),
                accept(),
                attachments.maxBytes() / (1024 * 1024));
    }

    /** A report's evidence by objective (computed once per page). */
    public Map<Integer, List<Attachment>> evidence(Report report) {
        return viewer.once("evidence." + report.id(), () -> attachments.ofReport(report.id(), viewer.current()).stream()
                .collect(Collectors.groupingBy(a -> a.target().objective())));
    }

    /** The secretariat's comments beside the objectives they name, while the report is returned. */
    public Map<Integer, List<Comment>> returnNotes(Report report) {
        return viewer.once("returnNotes." + report.id(), () -> comments.returnNotes(report, viewer.current()));
    }

    public TaskPanel taskPanel(String taskId) {
        CurrentUser user = viewer.current();
        return new TaskPanel(
                comments.ofTask(taskId, user, new PageRequest(commentPage(), COMMENTS_PER_PAGE)),
                attachments.ofTask(taskId, user),
                accept(),
                attachments.maxBytes() / (1024 * 1024));
    }

    /** A capacity-building request's evidence by progress update, and whether the viewer may add. */
    public CapacityPanel capacityPanel(CapacityRequest request) {
        return viewer.once("capacity." + request.id(), () -> capacityPanelOnce(request));
    }

    private CapacityPanel capacityPanelOnce(CapacityRequest request) {
        CurrentUser user = viewer.current();
        return new CapacityPanel(
                attachments.ofCapacityRequest(request.id(), user).stream()
                        .collect(Collectors.groupingBy(a -> a.target().capacityUpdateId())),
                user.represents(request.participantCode()),
                accept(),
                attachments.maxBytes() / (1024 * 1024));
    }

    public String username() {
        return viewer.current().username();
    }

    /** The file picker's hint: the accepted endings and types. */
    static String accept() {
        return java.util.Arrays.stream(AttachmentType.values())
                .flatMap(t -> java.util.stream.Stream.concat(
                        t.extensions().stream().map(e -> "." + e), java.util.stream.Stream.of(t.mediaType())))
                .collect(Collectors.joining(","));
    }

    private static int commentPage() {
        var request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        try {
            return Math.max(0, Integer.parseInt(request.getParameter("comments")));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public record ReportPanel(
            Page<Comment> comments,
            List<Attachment> attachments,
            boolean mayAttach,
            String accept,
            long maxMegabytes) {}

    public record TaskPanel(Page<Comment> comments, List<Attachment> attachments, String accept, long maxMegabytes) {}

    public record CapacityPanel(
            Map<Long, List<Attachment>> byUpdate, boolean mayAttach, String accept, long maxMegabytes) {}
}
