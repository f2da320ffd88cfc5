package org.compactreview.report.web;

import java.util.ArrayList;
import java.util.List;
import org.compactreview.report.Report;
import org.compactreview.report.ReportEntry;

/**
 * The report form as typed: ratings stay text until they are checked, so that whatever the user
 * typed comes back to them when a check fails. Entries are in objective order (index = n - 1).
 */
public class ReportForm {

    private int lockVersion;
    private List<EntryForm> entries = new ArrayList<>();

    /**
     * The form of a report, each entry at its objective's index (number - 1) as the template
     * addresses them. A contributor's report holds only its sections: the indexes of the other
     * objectives stay empty placeholders that the page never shows and a post never fills.
     */
    static ReportForm of(Report report) {
        ReportForm form = new ReportForm();
        form.lockVersion = report.lockVersion();
        for (ReportEntry entry : report.entries()) {
            while (form.entries.size() < entry.objective()) {
                form.entries.add(new EntryForm());
            }
            form.entries.set(entry.objective() - 1, EntryForm.of(entry));
        }
        return form;
    }

    private static final java.util.regex.Pattern ENTRY_FIELD =
            java.util.regex.Pattern.compile("^entries\\[(\\d+)]\\.(\\w+)$");

    /**
     * The id of the control a field's error belongs to ({@code entries[3].rating} is
     * {@code rating-4}), for the links of the error summary; the form's top for any other field.
     */
    public String fieldId(String field) {
        java.util.regex.Matcher entry = ENTRY_FIELD.matcher(field == null ? "" : field);
        return entry.matches() ? entry.group(2) + "-" + (Integer.parseInt(entry.group(1)) + 1) : "report-form";
    }

    public int getLockVersion() {
        return lockVersion;
    }

    public void setLockVersion(int lockVersion) {
        this.lockVersion = lockVersion;
    }

    public List<EntryForm> getEntries() {
        return entries;
    }

    public void setEntries(List<EntryForm> entries) {
        this.entries = entries;
    }

    /**
     * One objective's fields as typed. {@code readAs} is the fingerprint of the entry as the form
     * showed it: an entry that comes back unchanged was not touched and is not saved, so that a
     * form opened before a colleague (or a contributor) saved another section does not write the
     * old text back over theirs.
     */
    public static class EntryForm {
        private int objective;
        private String readAs;
        private String rating;
        private String achievements;
        private String obstacles;
        private String priorities;
        private boolean supportNeeded;
        private String goodPractices;

        static EntryForm of(ReportEntry entry) {
            EntryForm form = new EntryForm();
            form.objective = entry.objective();
            form.rating = entry.rating() == null ? "" : String.valueOf(entry.rating());
            form.achievements = entry.achievements();
            form.obstacles = entry.obstacles();
            form.priorities = entry.priorities();
            form.supportNeeded = entry.supportNeeded();
            form.goodPractices = entry.goodPractices();
            form.readAs = fingerprint(entry);
            return form;
        }

        /**
         * False for an entry the form did not show at all (the binder fills the gaps of a list
         * posted with only some indexes, as a contributor's form does) and for one that comes back
         * as it was shown.
         */
        boolean touched() {
            if (readAs == null && objective == 0) {
                return false;
            }
            return readAs == null || !readAs.equals(fingerprint(toEntry()));
        }

        /** The entry's content, hashed; line ends as a browser sends them do not count. */
        static String fingerprint(ReportEntry entry) {
            String content = String.join(
                    "\u0000",
                    String.valueOf(entry.objective()),
                    String.valueOf(entry.rating()),
                    normalized(entry.achievements()),
                    normalized(entry.obstacles()),
                    normalized(entry.priorities()),
                    String.valueOf(entry.supportNeeded()),
                    normalized(entry.goodPractices()));
            try {
                byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                        .digest(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return java.util.HexFormat.of().formatHex(hash, 0, 16);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String normalized(String text) {
            return text == null ? "" : text.replace("\r\n", "\n");
        }

        public String getReadAs() {
            return readAs;
        }

        public void setReadAs(String readAs) {
            this.readAs = readAs;
        }

        /** The entry to save; a rating that is not a number becomes an out-of-range one. */
        ReportEntry toEntry() {
            Integer parsed = null;
            if (rating != null && !rating.isBlank()) {
                try {
                    parsed = Integer.valueOf(rating.trim());
                } catch (NumberFormatException e) {
                    parsed = -1;
                }
            }
            return new ReportEntry(
                    objective,
                    parsed,
                    blank(achievements),
                    blank(obstacles),
                    blank(priorities),
                    supportNeeded,
                    blank(goodPractices));
        }

        private static String blank(String text) {
            return text == null || text.isBlank() ? null : text;
        }

        public int getObjective() {
            return objective;
        }

        public void setObjective(int objective) {
            this.objective = objective;
        }

        public String getRating() {
            return rating;
        }

        public void setRating(String rating) {
            this.rating = rating;
        }

        public String getAchievements() {
            return achievements;
        }

        public void setAchievements(String achievements) {
            this.achievements = achievements;
        }

        public String getObstacles() {
            return obstacles;
        }

        public void setObstacles(String obstacles) {
            this.obstacles = obstacles;
        }

        public String getPriorities() {
            return priorities;
        }

        public void setPriorities(String priorities) {
            this.priorities = priorities;
        }

        public String getGoodPractices() {
            return goodPractices;
        }

        public void setGoodPractices(String goodPractices) {
            this.goodPractices = goodPractices;
        }

        public boolean isSupportNeeded() {
            return supportNeeded;
        }

        public void setSupportNeeded(boolean supportNeeded) {
            this.supportNeeded = supportNeeded;
        }
    }
}
