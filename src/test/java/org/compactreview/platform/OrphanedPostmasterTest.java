package org.compactreview.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a start does with the postmaster.pid a crashed app left, short of a running PostgreSQL ({@code EmbeddedPostgresRestartIT} stops a real orphan and holds a real second app).
 */
class OrphanedPostmasterTest {

    @TempDir
    Path root;

    @Test
    void aPidFileOfAProcessThatEndedIsLeftToPostgresql() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path data = dataDirectoryWithPidFile(ended.pid() + "\n" + root.resolve("postgres") + "\n");

        OrphanedPostmaster.clear(data, Duration.ofSeconds(5));

        assertThat(data.resolve("postmaster.pid")).exists();
    }

    @Test
    void aPidFileNamingAnotherProgramIsRemovedWithoutTouchingIt() throws Exception {
        // This JVM stands for a program that got the pid after a reboot.
        Path data = dataDirectoryWithPidFile(ProcessHandle.current().pid() + "\n");

        OrphanedPostmaster.clear(data, Duration.ofSeconds(5));

        assertThat(data.resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void anEmptyPidFileOfAStartThatCrashedIsRemoved() throws Exception {
        Path data = dataDirectoryWithPidFile("");

        OrphanedPostmaster.clear(data, Duration.ofSeconds(5));

        assertThat(data.resolve("postmaster.pid")).doesNotExist();
    }

    private Path dataDirectoryWithPidFile(String content) throws IOException {
        Path data = Files.createDirectories(root.resolve("postgres"));
        Files.writeString(data.resolve("postmaster.pid"), content);
        return data;
    }
}
