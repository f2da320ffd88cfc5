package org.compactreview.support;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.compactreview.discussion.Upload;

/** Evidence for tests that attach it through the service: a small PDF. */
public final class Evidence {

    private Evidence() {}

    public static Upload pdf(String filename) {
        byte[] content = ("%PDF-1.7\n" + filename + "\n%%EOF").getBytes(StandardCharsets.US_ASCII);
        return new Upload() {
            @Override
            public String filename() {
                return filename;
            }

            @Override
            public long size() {
                return content.length;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(content);
            }
        };
    }
}
