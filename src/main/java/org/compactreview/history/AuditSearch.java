package org.compactreview.history;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.compactreview.audit.AuditFilter;
import org.compactreview.platform.InvalidInputException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit list's search form, as the page sends it: every field optional, the dates as the
 * date inputs send them (yyyy-mm-dd), checked by {@link #filter()} with a message per field.
 */
public class AuditSearch {

    private String actor;
    private String action;
    private String objectType;
    private String objectId;
    private String from;
    private String to;
    private String reason;

    /** Checked: throws InvalidInputException naming the field. */
    AuditFilter filter() {
        return AuditFilter.of(actor, action, objectType, objectId, date("from", from), date("to", to), reason);
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "validation.audit.date");
        }
    }

    /** The address of this search on {@code path} (another page of it, or its CSV export). */
    String link(String path, Integer page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        add(uri, "actor", actor);
        add(uri, "action", action);
        add(uri, "objectType", objectType);
        add(uri, "objectId", objectId);
        add(uri, "from", from);
        add(uri, "to", to);
        add(uri, "reason", reason);
        if (page != null && page > 0) {
            uri.queryParam("page", page);
        }
        return uri.encode().build().toUriString();
    }

    private static void add(UriComponentsBuilder uri, String name, String value) {
        if (value != null && !value.isBlank()) {
            uri.queryParam(name, value.trim());
        }
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getObjectType() {
        return objectType;
    }

    public void setObjectType(String objectType) {
        this.objectType = objectType;
    }

    public String getObjectId() {
        return objectId;
    }

    public void setObjectId(String objectId) {
        this.objectId = objectId;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
