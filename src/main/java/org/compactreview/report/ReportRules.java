package org.compactreview.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import org.compactreview.platform.ConflictException;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.InvalidInputException.FieldProblem;
import org.compactreview.platform.StorableInput;

/** The rules a report's content must keep; plain code, testable without a database. */
final class ReportRules {

    static final int MAX_TEXT = 4000;
    static final int MAX_COMMENT = 4000;
    static final int MIN_RATING = 0;
    static final int MAX_RATING = 4;

    private ReportRules() {}

    /** Entries of a draft save: known objectives, each once, ratings 0-4, texts within limits. */
    static void checkDraftEntries(List<ReportEntry> entries, IntPredicate isObjective) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            ReportEntry entry = entries.get(i);
            String at = "entries[" + i + "]";
            if (entry == null) {
                problems.add(new FieldProblem(at, "validation.entry.missing"));
                continue;
            }
            if (!isObjective.test(entry.objective())) {
                problems.add(new FieldProblem(at + ".objective", "validation.objective.unknown", entry.objective()));
            } else if (!seen.add(entry.objective())) {
                problems.add(new FieldProblem(at + ".objective", "validation.objective.duplicate", entry.objective()));
            }
            if (entry.rating() != null && (entry.rating() < MIN_RATING || entry.rating() > MAX_RATING)) {
                problems.add(new FieldProblem(at + ".rating", "validation.rating.range", MIN_RATING, MAX_RATING));
            }
            checkText(problems, at + ".achievements", entry.achievements());
            checkText(problems, at + ".obstacles", entry.obstacles());
            checkText(problems, at + ".priorities", entry.priorities());
            checkText(problems, at + ".goodPractices", entry.goodPractices());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /**
     * A national report can be submitted only when every objective has a rating; a regional
     * review when every objective has a summary of progress.
     */
    static void checkComplete(List<ReportEntry> entries, boolean regional) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ReportEntry entry : entries) {
            if (incomplete(entry, regional)) {
                problems.add(
                        regional
                                ? new FieldProblem(
                                        "entries[objective=" + entry.objective() + "].achievements",
                                        "validation.summary.required",
                                        entry.objective())
                                : new FieldProblem(
                                        "entries[objective=" + entry.objective() + "].rating",
                                        "validation.rating.required",
                                        entry.objective()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** What a submission needs of every entry: a rating, or for a regional review a summary of progress. */
    static boolean incomplete(ReportEntry entry, boolean regional) {
        return regional ? entry.achievements() == null || entry.achievements().isBlank() : entry.rating() == null;
    }

    /** The entries of a save that differ from what is stored (an objective never saved counts as empty). */
    static List<ReportEntry> changes(List<ReportEntry> entries, Map<Integer, ReportRepository.StoredEntry> stored) {
        return entries.stream()
                .filter(e -> !e.equals(
                        stored.containsKey(e.objective())
                                ? stored.get(e.objective()).entry()
                                : ReportEntry.empty(e.objective())))
                .toList();
    }

    /**
     * A save read at {@code expectedLockVersion} is stale only when an entry it changes was changed
     * after that version (whoever changed it: an old tab of the same user is stale too), or when it
     * claims a version the report never had. Saves of different sections from the same old
     * version therefore both go through; two changes of the same section do not.
     */
    static void checkNotStale(
            int lockVersion,
            String lastEditor,
            int expectedLockVersion,
            List<ReportEntry> changes,
            Map<Integer, ReportRepository.StoredEntry> stored) {
        if (expectedLockVersion == lockVersion) {
            return;
        }
        if (expectedLockVersion > lockVersion) {
            throw new ConflictException("problem.report.stale", lastEditor, lockVersion);
        }
        changes.stream()
                .map(e -> stored.get(e.objective()))
                .filter(e -> e != null && e.changedIn() > expectedLockVersion)
                .findFirst()
                .ifPresent(e -> {
                    throw new ConflictException("problem.report.stale", e.updatedBy(), lockVersion);
                });
    }

    static void checkDecision(ValidationDecision decision, String comment) {
        if (decision == null) {
            throw new InvalidInputException("decision", "validation.decision.required");
        }
        if (decision == ValidationDecision.RETURN && (comment == null || comment.isBlank())) {
            throw new InvalidInputException("comment", "validation.comment.required-to-return");
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new InvalidInputException("comment", "validation.text.too-long", MAX_COMMENT);
        }
        if (!StorableInput.storable(comment)) {
            throw new InvalidInputException("comment", StorableInput.UNSTORABLE_TEXT);
        }
    }

    private static void checkText(List<FieldProblem> problems, String field, String text) {
        if (text != null && text.length() > MAX_TEXT) {
            problems.add(new FieldProblem(field, "validation.text.too-long", MAX_TEXT));
        } else if (!StorableInput.storable(text)) {
            problems.add(new FieldProblem(field, StorableInput.UNSTORABLE_TEXT));
        }
    }
}
