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

    static ReportForm of(Report report) {
        ReportForm form = new ReportForm();
        form.lockVersion = report.lockVersion();
        report.entries().forEach(e -> form.entries.add(EntryForm.of(e)));
        return form;
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

    /** One objective's fields as typed. */
    public static class EntryForm {
        private int objective;
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
            return form;
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
