package org.compactreview.discussion;

import org.compactreview.platform.InvalidInputException;

/**
 * What an attachment belongs to: exactly one of a report entry (report and objective), a
 * capacity-building progress update (request and update) or a task.
 */
public record AttachmentTarget(
        Kind kind, Long reportId, Integer objective, Long capacityRequestId, Long capacityUpdateId, String taskId) {

    public enum Kind {
        REPORT_ENTRY,
        CAPACITY_UPDATE,
        TASK
    }

    public static AttachmentTarget reportEntry(long reportId, int objective) {
        return new AttachmentTarget(Kind.REPORT_ENTRY, reportId, objective, null, null, null);
    }

    public static AttachmentTarget capacityUpdate(long requestId, long updateId) {
        return new AttachmentTarget(Kind.CAPACITY_UPDATE, null, null, requestId, updateId, null);
    }

    public static AttachmentTarget task(String taskId) {
        return new AttachmentTarget(Kind.TASK, null, null, null, null, taskId);
    }

    /** From the API's fields: one target, whole, or a refusal that says what is missing. */
    public static AttachmentTarget of(
            Long reportId, Integer objective, Long capacityRequestId, Long capacityUpdateId, String taskId) {
        int given = (reportId != null ? 1 : 0) + (capacityRequestId != null ? 1 : 0) + (taskId != null ? 1 : 0);
        if (given != 1) {
            throw new InvalidInputException("reportId", "validation.attachment.one-target");
        }
        if (reportId != null) {
            if (objective == null) {
                throw new InvalidInputException("objective", "validation.discussion.objective-required");
            }
            return reportEntry(reportId, objective);
        }
        if (capacityRequestId != null) {
            if (capacityUpdateId == null) {
                throw new InvalidInputException("updateId", "validation.attachment.update-required");
            }
            return capacityUpdate(capacityRequestId, capacityUpdateId);
        }
        return task(taskId);
    }

    String auditType() {
        return switch (kind) {
            case REPORT_ENTRY -> "report";
            case CAPACITY_UPDATE -> "capacity-request";
            case TASK -> "task";
        };
    }

    String auditId() {
        return switch (kind) {
            case REPORT_ENTRY -> String.valueOf(reportId);
            case CAPACITY_UPDATE -> String.valueOf(capacityRequestId);
            case TASK -> taskId;
        };
    }
}
