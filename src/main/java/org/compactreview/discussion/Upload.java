package org.compactreview.discussion;

import java.io.IOException;
import java.io.InputStream;

/**
 * A file as it arrived: its name as sent, its size and its content, which can be opened more than
 * once (a multipart part is kept on disk by the servlet container, never in memory): once to
 * check what it is, once to store it.
 */
public interface Upload {

    String filename();

    long size();

    InputStream open() throws IOException;
}
