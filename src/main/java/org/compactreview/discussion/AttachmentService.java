package org.compactreview.discussion;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.compactreview.audit.AuditLog;
import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence on report entries, capacity-building progress updates and tasks. An upload is checked
 * before anything is stored: the caller may change the object, the file is not empty and not
 * above the limit, and its content is one of the accepted types under a name of that type. Then
 * it streams into the database in the caller's transaction with its audit record. Whoever may see
 * the object may list and download its attachments; the uploader may remove its own.
 */
@Service
public class AttachmentService {

    private final AttachmentRepository attachments;
    private final Subjects subjects;
    private final AuditLog audit;
    private final Clock clock;
    private final long maxBytes;

    AttachmentService(
            AttachmentRepository attachments,
            Subjects subjects,
            AuditLog audit,
            Clock clock,
            AttachmentProperties properties) {
        this.attachments = attachments;
        this.subjects = subjects;
        this.audit = audit;
        this.clock = clock;
        this.maxBytes = properties.maxSize().toBytes();
    }

    public long maxBytes() {
        return maxBytes;
    }

    @Transactional(readOnly = true)
    public List<Attachment> ofReport(long reportId, CurrentUser user) {
        subjects.report(reportId, user);
        return attachments.ofReport(reportId);
    }

    @Transactional(readOnly = true)
    public List<Attachment> ofCapacityRequest(long requestId, CurrentUser user) {
        subjects.request(requestId, user);
        return attachments.ofRequest(requestId);
    }

    @Transactional(readOnly = true)
    public List<Attachment> ofTask(String taskId, CurrentUser user) {
        subjects.task(taskId, user);
        return attachments.ofTask(taskId);
    }

    @Transactional
    public Attachment upload(AttachmentTarget target, Upload upload, CurrentUser user) {
        if (target.kind() == AttachmentTarget.Kind.REPORT_ENTRY) {
            subjects.report(target.reportId(), user);
            subjects.objective("objective", target.objective());
        }
        subjects.checkMayChange(target, user);
        if (upload == null || upload.size() == 0) {
            throw new InvalidInputException("file", "validation.attachment.file-required");
        }
        if (upload.size() > maxBytes) {
            throw AttachmentRefused.tooLarge(maxBytes);
        }
        AttachmentType type = detect(upload);
        if (!type.named(upload.filename() == null ? "" : upload.filename())) {
            throw AttachmentRefused.unsupportedType(upload.filename());
        }
        String filename = DiscussionRules.filename(upload.filename(), type);
        long id = attachments.insert(target, filename, type, upload.size(), user.username(), clock.instant());
        String sha256 = store(id, upload);
        attachments.setDigest(id, sha256);
        Attachment stored = attachments.find(id).orElseThrow();
        audit.record("ATTACHMENT_UPLOADED", target.auditType(), target.auditId(), null, described(stored));
        return stored;
    }

    /** The attachment's description, after checking that the caller may see what it belongs to. */
    @Transactional(readOnly = true)
    public Attachment get(long id, CurrentUser user) {
        Attachment attachment = attachments.find(id).orElseThrow(() -> new NotFoundException("attachment", id));
        try {
            subjects.checkVisible(attachment.target(), user);
        } catch (NotFoundException outside) {
            throw new NotFoundException("attachment", id);
        }
        return attachment;
    }

    /** Streams the content of an attachment the caller may see ({@link #get} first) to {@code out}. */
    @Transactional(readOnly = true)
    public void copyContent(Attachment attachment, OutputStream out) {
        attachments.copyContent(attachment.id(), out);
    }

    @Transactional
    public void delete(long id, CurrentUser user) {
        Attachment attachment = get(id, user);
        subjects.checkMayChange(attachment.target(), user);
        if (!attachment.uploadedBy().equals(user.username())) {
            throw new AccessDeniedException("only the uploader removes an attachment");
        }
        attachments.delete(id);
        audit.record(
                "ATTACHMENT_DELETED",
                attachment.target().auditType(),
                attachment.target().auditId(),
                described(attachment),
                null);
    }

    private static AttachmentType detect(Upload upload) {
        try (InputStream in = upload.open()) {
            return ContentCheck.detect(in).orElseThrow(() -> AttachmentRefused.unsupportedType(upload.filename()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Streams the content into chunks; returns its SHA-256. The size read must be the size declared. */
    private String store(long id, Upload upload) {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(upload.open(), digest)) {
            long remaining = upload.size();
            for (int seq = 0; remaining > 0; seq++) {
                int length = (int) Math.min(AttachmentRepository.CHUNK, remaining);
                attachments.insertChunk(id, seq, in, length);
                remaining -= length;
            }
            if (in.read() >= 0) {
                throw new IllegalStateException("upload longer than its declared size");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> described(Attachment attachment) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("attachmentId", attachment.id());
        if (attachment.target().objective() != null) {
            described.put("objective", attachment.target().objective());
        }
        if (attachment.target().capacityUpdateId() != null) {
            described.put("capacityUpdateId", attachment.target().capacityUpdateId());
        }
        described.put("filename", attachment.filename());
        described.put("contentType", attachment.contentType());
        described.put("sizeBytes", attachment.sizeBytes());
        described.put("sha256", attachment.sha256());
        return described;
    }
}
