package org.compactreview.cycle.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.compactreview.cycle.Commitment;
import org.compactreview.framework.FrameworkCatalog;
import org.springframework.util.StringUtils;

/**
 * The adopted declaration's commitments as a form of rows (issue 14: they were typed as
 * {@code objective | text | codes} lines, and {@code *} passed as a participant code). A row is an
 * objective, the commitment's text and the responsible participants picked from a list (none picked:
 * every participant). Rows left wholly empty are ignored, so the form can offer spare rows.
 */
public class CommitmentsForm {

    static final int MAX_ROWS = 50;
    static final int EMPTY_ROWS = 3;
    static final int MAX_TEXT = 4000;

    private List<Row> rows = new ArrayList<>();

    /** One commitment as typed; everything a string, so that nothing fails in the binder. */
    public static class Row {
        private String objective;
        private String text;
        private List<String> responsible = new ArrayList<>();

        public String getObjective() {
            return objective;
        }

        public void setObjective(String objective) {
            this.objective = objective;
        }

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }

        public List<String> getResponsible() {
            return responsible;
        }

        public void setResponsible(List<String> responsible) {
            this.responsible = responsible == null ? new ArrayList<>() : responsible;
        }

        boolean blank() {
            return !StringUtils.hasText(objective) && !StringUtils.hasText(text) && responsible.isEmpty();
        }
    }

    public List<Row> getRows() {
        return rows;
    }

    public void setRows(List<Row> rows) {
        this.rows = rows == null ? new ArrayList<>() : rows;
    }

    static CommitmentsForm empty() {
        CommitmentsForm form = new CommitmentsForm();
        form.addRows(EMPTY_ROWS);
        return form;
    }

    void addRows(int count) {
        for (int i = 0; i < count && rows.size() < MAX_ROWS; i++) {
            rows.add(new Row());
        }
    }

    /**
     * Problems by field ({@code rows[2].responsible}) as message code and argument; the key
     * {@code rows} for the form as a whole. Empty when every row is whole.
     */
    Map<String, List<Object>> problems(FrameworkCatalog framework) {
        Map<String, List<Object>> problems = new LinkedHashMap<>();
        boolean any = false;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row == null || row.blank()) {
                continue;
            }
            any = true;
            String field = "rows[" + i + "].";
            if (objective(row) == null) {
                problems.put(field + "objective", List.of("validation.commitment.objective"));
            }
            if (!StringUtils.hasText(row.text) || row.text.trim().length() > MAX_TEXT) {
                problems.put(field + "text", List.of("validation.commitment.text", MAX_TEXT));
            }
            row.responsible.stream()
                    .filter(code -> framework.participant(code).isEmpty())
                    .findFirst()
                    .ifPresent(code ->
                            problems.put(field + "responsible", List.of("validation.commitment.participant", code)));
        }
        if (!any) {
            problems.put("rows", List.of("validation.conference.commitments"));
        }
        return problems;
    }

    /** The commitments of the rows; call once {@link #problems} found none. */
    List<Commitment> commitments() {
        return rows.stream()
                .filter(row -> row != null && !row.blank())
                .map(row -> new Commitment(
                        objective(row),
                        row.text.trim(),
                        row.responsible.stream().distinct().toList()))
                .toList();
    }

    private static Integer objective(Row row) {
        try {
            int number = Integer.parseInt(row.objective == null ? "" : row.objective.trim());
            return number >= 1 && number <= 23 ? number : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
