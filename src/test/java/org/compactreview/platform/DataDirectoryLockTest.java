package org.compactreview.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One holder per data directory; across processes in {@code EmbeddedPostgresRestartIT}. */
class DataDirectoryLockTest {

    @TempDir
    Path root;

    @Test
    void aSecondLockOnADirectoryInUseFailsNamingItAndTheFirstHolder() throws Exception {
        Path data = root.resolve("postgres");
        try (DataDirectoryLock first = DataDirectoryLock.acquire(data)) {
            assertThatThrownBy(() -> DataDirectoryLock.acquire(data))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("The embedded PostgreSQL data directory " + data
                            + " is in use by another running Compact Review (process "
                            + ProcessHandle.current().pid() + ")");
        }
        DataDirectoryLock.acquire(data).close();
        assertThat(root.resolve("postgres.lock")).exists();
    }
}
