package org.compactreview.discussion;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * What a file is, read from its content and never from its name or the type its sender claims:
 * the PDF, PNG and JPEG signatures; for ZIP-based office documents the OpenDocument
 * {@code mimetype} entry or the Office Open XML {@code [Content_Types].xml} entry naming the
 * document's main part. A macro-enabled document, a renamed program or an HTML page called
 * {@code .pdf} is none of these. The stream is read, not kept: a ZIP's entries are skipped as
 * they pass.
 */
final class ContentCheck {

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final int MAX_ENTRIES = 10_000;
    /** [Content_Types].xml lists a few dozen types: 64 KB is far more than any real one. */
    private static final int MAX_CONTENT_TYPES_BYTES = 64 * 1024;

    private ContentCheck() {}

    static Optional<AttachmentType> detect(InputStream content) throws IOException {
        BufferedInputStream in = new BufferedInputStream(content);
        in.mark(16);
        byte[] head = in.readNBytes(8);
        in.reset();
        if (startsWith(head, PDF)) {
            return Optional.of(AttachmentType.PDF);
        }
        if (startsWith(head, PNG)) {
            return Optional.of(AttachmentType.PNG);
        }
        if (startsWith(head, JPEG)) {
            return Optional.of(AttachmentType.JPEG);
        }
        if (startsWith(head, ZIP)) {
            return officeDocument(in);
        }
        return Optional.empty();
    }

    private static Optional<AttachmentType> officeDocument(InputStream in) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            ZipEntry entry = zip.getNextEntry();
            // OpenDocument: the first entry is "mimetype", stored, holding the document's type.
            if (entry != null && entry.getName().equals("mimetype")) {
                String mimetype = new String(zip.readNBytes(100), StandardCharsets.US_ASCII).trim();
                return AttachmentType.ofMediaType(mimetype)
                        .filter(t -> t == AttachmentType.ODT || t == AttachmentType.ODS);
            }
            for (int n = 0; entry != null && n < MAX_ENTRIES; n++, entry = zip.getNextEntry()) {
                if (entry.getName().equals("[Content_Types].xml")) {
                    return mainPart(new String(zip.readNBytes(MAX_CONTENT_TYPES_BYTES), StandardCharsets.UTF_8));
                }
            }
            return Optional.empty();
        } catch (ZipException | IllegalArgumentException broken) {
            return Optional.empty();
        }
    }

    /** The document type that Office Open XML's content types give its main part. */
    private static Optional<AttachmentType> mainPart(String contentTypes) {
        if (contentTypes.contains("wordprocessingml.document.main+xml")) {
            return Optional.of(AttachmentType.DOCX);
        }
        if (contentTypes.contains("spreadsheetml.sheet.main+xml")) {
            return Optional.of(AttachmentType.XLSX);
        }
        if (contentTypes.contains("presentationml.presentation.main+xml")) {
            return Optional.of(AttachmentType.PPTX);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] head, byte[] signature) {
        return head.length >= signature.length && Arrays.equals(Arrays.copyOf(head, signature.length), signature);
    }
}
