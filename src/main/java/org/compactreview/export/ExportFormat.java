package org.compactreview.export;

import java.util.Arrays;
import java.util.Locale;
import org.compactreview.platform.InvalidInputException;

/** The file formats of an export, with their media type and file extension. */
public enum ExportFormat {
    CSV("text/csv;charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    PDF("application/pdf", "pdf");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** {@code csv}, {@code xlsx} or {@code pdf} in any case; anything else is refused on the field {@code format}. */
    public static ExportFormat parse(String value) {
        String wanted = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(format -> format.name().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("format", "validation.export.format"));
    }
}
