package org.compactreview.platform;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The one app that may use an embedded PostgreSQL data directory: an exclusive OS lock on a file
 * beside the directory ({@code data/postgres.lock} for {@code data/postgres}), held for the app's
 * lifetime. The operating system drops it when the process dies, even by {@code kill -9}, so a
 * lock we get means no live app uses the directory, whatever a PostgreSQL left running there says;
 * a lock we do not get means one does, and this app must not touch its PostgreSQL. It lies beside
 * the directory, not in it, because initdb wants an empty directory and a clean start deletes it.
 */
final class DataDirectoryLock implements Closeable {

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock or fails at once, naming the directory and the process that holds it. */
    static DataDirectoryLock acquire(Path dataDirectory) throws IOException {
        Path lockFile = lockFileOf(dataDirectory);
        Files.createDirectories(lockFile.getParent());
        FileChannel channel = FileChannel.open(
                lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            lock = null;
        }
        if (lock == null) {
            String holder = Files.readString(lockFile, StandardCharsets.UTF_8).strip();
            channel.close();
            throw new IllegalStateException("The embedded PostgreSQL data directory " + dataDirectory
                    + " is in use by another running Compact Review"
                    + (holder.isEmpty() ? "" : " (process " + holder + ")")
                    + ", which holds " + lockFile + ". Stop that app first, or give this one a directory"
                    + " of its own with compact-review.embedded-postgres.data-directory.");
        }
        // For the message above, in the next app that tries; the lock itself is what counts.
        channel.truncate(0);
        channel.write(
                ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
        channel.force(true);
        return new DataDirectoryLock(channel, lock);
    }

    static Path lockFileOf(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".lock");
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
