package org.compactreview.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time used so far by this JVM and by the embedded PostgreSQL (its postmaster, every live
 * backend and worker, and those that have exited), from {@code /proc}: on a busy machine, CPU per completion varies far less than
 * completions per second.
 */
record CpuTime(long jvmNanos, long postgresNanos) {

    private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ is 100 on Linux

    static CpuTime now(Path dataDirectory) {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        return new CpuTime(jvm, postgresTicks(dataDirectory) * NANOS_PER_TICK);
    }

    CpuTime minus(CpuTime earlier) {
        return new CpuTime(jvmNanos - earlier.jvmNanos, postgresNanos - earlier.postgresNanos);
    }

    double totalMillis() {
        return (jvmNanos + postgresNanos) / 1_000_000.0;
    }

    private static long postgresTicks(Path dataDirectory) {
        try {
            String postmaster = Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                    .get(0)
                    .trim();
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                return processes
                        .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                        .mapToLong(p -> ticksIfPostgres(p, postmaster))
                        .sum();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read PostgreSQL's CPU time", e);
        }
    }

    private static long ticksIfPostgres(Path process, String postmaster) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            // After "pid (name) ": state, ppid, ... utime is field 14 and stime field 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            String pid = process.getFileName().toString();
            long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            if (pid.equals(postmaster)) {
                // cutime and cstime: backends and autovacuum workers that have exited
                return own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            }
            return fields[1].equals(postmaster) ? own : 0;
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended while being read
        }
    }
}
