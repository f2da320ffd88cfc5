package org.compactreview.discussion;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The kinds of evidence accepted, each with the type it is served as and its file name endings. */
public enum AttachmentType {
    PDF("application/pdf", "pdf"),
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg", "jpeg"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
    ODT("application/vnd.oasis.opendocument.text", "odt"),
    ODS("application/vnd.oasis.opendocument.spreadsheet", "ods");

    private final String mediaType;
    private final List<String> extensions;

    AttachmentType(String mediaType, String... extensions) {
        this.mediaType = mediaType;
        this.extensions = List.of(extensions);
    }

    public String mediaType() {
        return mediaType;
    }

    public List<String> extensions() {
        return extensions;
    }

    /** Whether a file name ends as a file of this type does ({@code report.PDF} is a PDF's name). */
    boolean named(String filename) {
        int dot = filename.lastIndexOf('.');
        return dot >= 0 && extensions.contains(filename.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    static Optional<AttachmentType> ofMediaType(String mediaType) {
        return Arrays.stream(values())
                .filter(t -> t.mediaType.equals(mediaType))
                .findFirst();
    }

    /** Every accepted ending, for messages and the file picker: ".pdf, .png, ...". */
    public static String acceptedEndings() {
        return String.join(
                ", ",
                Arrays.stream(values())
                        .flatMap(t -> t.extensions.stream())
                        .map(e -> "." + e)
                        .toList());
    }
}
