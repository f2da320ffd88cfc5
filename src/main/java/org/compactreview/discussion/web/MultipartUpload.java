package org.compactreview.discussion.web;

import java.io.IOException;
import java.io.InputStream;
import org.compactreview.discussion.Upload;
import org.springframework.web.multipart.MultipartFile;

/** A multipart file part as an {@link Upload}: each {@code open} reads the part again from disk. */
public record MultipartUpload(MultipartFile file) implements Upload {

    /** The part, or null when the request carried none (refused by the service as missing). */
    public static Upload of(MultipartFile file) {
        return file == null || file.isEmpty() ? null : new MultipartUpload(file);
    }

    @Override
    public String filename() {
        return file.getOriginalFilename();
    }

    @Override
    public long size() {
        return file.getSize();
    }

    @Override
    public InputStream open() throws IOException {
        return file.getInputStream();
    }
}
