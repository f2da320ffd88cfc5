package org.compactreview.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Before and after of any audit record become the fields that changed, side by side. */
class ChangeSetTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void onlyTheFieldsThatDifferAreKept() throws Exception {
        assertThat(ChangeSet.between(
                        node("{\"status\":\"SUBMITTED\",\"version\":2}"),
                        node("{\"status\":\"ACCEPTED\",\"version\":2,\"decision\":\"ACCEPT\"}")))
                .containsExactly(
                        new FieldChange(List.of("status"), "SUBMITTED", "ACCEPTED"),
                        new FieldChange(List.of("decision"), null, "ACCEPT"));
    }

    @Test
    void reportEntriesAreComparedObjectiveByObjective() throws Exception {
        assertThat(ChangeSet.between(
                        node("[{\"objective\":3,\"rating\":2,\"achievements\":\"old\"}]"),
                        node("[{\"objective\":3,\"rating\":4,\"achievements\":\"old\"},"
                                + "{\"objective\":5,\"rating\":1,\"achievements\":\"\"}]")))
                .containsExactly(
                        new FieldChange(List.of("objective=3", "rating"), "2", "4"),
                        new FieldChange(List.of("objective=5", "rating"), null, "1"));
    }

    @Test
    void aListOfPlainValuesIsOneField() throws Exception {
        assertThat(ChangeSet.between(
                        node("{\"roles\":[\"FOCAL_POINT\"]}"), node("{\"roles\":[\"FOCAL_POINT\",\"MANAGER\"]}")))
                .containsExactly(new FieldChange(List.of("roles"), "FOCAL_POINT", "FOCAL_POINT, MANAGER"));
    }

    @Test
    void aRecordWithoutBeforeShowsAllItsFieldsAsNew() throws Exception {
        assertThat(ChangeSet.between(null, node("{\"assignee\":\"fp-egy\",\"nested\":{\"a\":1}}")))
                .containsExactly(
                        new FieldChange(List.of("assignee"), null, "fp-egy"),
                        new FieldChange(List.of("nested", "a"), null, "1"));
        assertThat(ChangeSet.between(null, null)).isEmpty();
    }

    @Test
    void codesAreMadeReadableWhenNoTranslationExists() {
        assertThat(AuditPresenter.readable("TASK_TELEPORTED")).isEqualTo("Task teleported");
        assertThat(AuditPresenter.readable("supportNeeded")).isEqualTo("Support needed");
    }

    private JsonNode node(String text) throws Exception {
        return json.readTree(text);
    }
}
