package org.compactreview.discussion;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Files for attachment tests: real signatures and real ZIP containers, made here. */
final class Files {

    private Files() {}

    /** A PDF of {@code size} bytes: its signature, then noise. */
    static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    static byte[] png() {
        byte[] bytes = new byte[2048];
        new Random(7).nextBytes(bytes);
        byte[] head = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    static byte[] html() {
        return "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A Windows program's first bytes (the MZ header). */
    static byte[] exe() {
        byte[] bytes = new byte[4096];
        bytes[0] = 'M';
        bytes[1] = 'Z';
        bytes[2] = (byte) 0x90;
        return bytes;
    }

    /** A minimal Word document: [Content_Types].xml naming the main part, and the part. */
    static byte[] docx() {
        return zip(
                "[Content_Types].xml",
                "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        + "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
                        + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>",
                "word/document.xml",
                "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>");
    }

    /** A macro-enabled Word document (docm) renamed .docx. */
    static byte[] docm() {
        return zip(
                "[Content_Types].xml",
                "<Types><Override PartName=\"/word/document.xml\" "
                        + "ContentType=\"application/vnd.ms-word.document.macroEnabled.main+xml\"/></Types>",
                "word/vbaProject.bin",
                "macro");
    }

    /** An OpenDocument spreadsheet: the stored mimetype entry first. */
    static byte[] ods() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                byte[] mimetype = "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII);
                ZipEntry entry = new ZipEntry("mimetype");
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(mimetype.length);
                CRC32 crc = new CRC32();
                crc.update(mimetype);
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(mimetype);
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("content.xml"));
                zip.write("<office:document-content/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A ZIP archive of anything, renamed .xlsx. */
    static byte[] plainZip() {
        return zip("readme.txt", "not a spreadsheet");
    }

    private static byte[] zip(String... namesAndContents) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (int i = 0; i < namesAndContents.length; i += 2) {
                    zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                    zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
