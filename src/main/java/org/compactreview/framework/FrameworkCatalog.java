package org.compactreview.framework;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reference data, read once: it changes only with a migration or an administrator's edit, and
 * every form and validation reads it.
 */
@Service
public class FrameworkCatalog {

    private final JdbcClient jdbc;
    private volatile Snapshot snapshot;

    FrameworkCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Objective> objectives() {
        return snapshot().objectives();
    }

    public boolean isObjective(int number) {
        return snapshot().objectivesByNumber().containsKey(number);
    }

    public List<Participant> participants() {
        return snapshot().participants();
    }

    public Optional<Participant> participant(String code) {
        return Optional.ofNullable(snapshot().participantsByCode().get(code));
    }

    public List<String> memberStateCodes() {
        return participants().stream()
                .filter(p -> p.kind() == ParticipantKind.MEMBER_STATE)
                .map(Participant::code)
                .toList();
    }

    /** The UN regions of the member states, sorted. */
    public List<String> memberStateRegions() {
        return participants().stream()
                .filter(p -> p.kind() == ParticipantKind.MEMBER_STATE)
                .map(Participant::region)
                .distinct()
                .sorted()
                .toList();
    }

    /** UN regional commissions and regional consultative processes: the conference's regions. */
    public List<String> regionalBodyCodes() {
        return participants().stream()
                .filter(p -> p.kind() != ParticipantKind.MEMBER_STATE)
                .map(Participant::code)
                .toList();
    }

    /**
     * Forgets what was read, so that the next question reads the framework's tables again: after
     * participants were added or removed behind the catalog's back (a test fixture generating
     * thousands of participants, a bulk import).
     */
    public void refresh() {
        snapshot = null;
    }

    /** Orders participant codes by the participants' names, as the database sorts them. */
    public Comparator<String> byParticipantName() {
        Map<String, Integer> rank = snapshot().nameRank();
        return Comparator.comparing(code -> rank.getOrDefault(code, Integer.MAX_VALUE));
    }

    /** Members of a regional body: its listed members, else the member states of its UN region. */
    public Set<String> membersOf(String bodyCode) {
        Snapshot current = snapshot();
        Participant body = current.participantsByCode().get(bodyCode);
        if (body == null || body.kind() == ParticipantKind.MEMBER_STATE) {
            return Set.of();
        }
        List<String> listed = current.listedMembers().get(bodyCode);
        if (listed != null) {
            return Set.copyOf(listed);
        }
        return current.participants().stream()
                .filter(p -> p.kind() == ParticipantKind.MEMBER_STATE && Objects.equals(p.region(), body.region()))
                .map(Participant::code)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The participants of a UN region. */
    public Set<String> participantsOfRegion(String region) {
        return participants().stream()
                .filter(p -> Objects.equals(p.region(), region))
                .map(Participant::code)
                .collect(Collectors.toUnmodifiableSet());
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current == null) {
            current = load();
            snapshot = current;
        }
        return current;
    }

    private Snapshot load() {
        List<Objective> objectives = jdbc.sql(
                        """
                        select o.number, o.short_title, o.title,
                               array(select t.sdg_target from objective_sdg_target t
                                     where t.objective_number = o.number order by t.sdg_target) as targets
                        from objective o order by o.number
                        """)
                .query((rs, n) -> new Objective(
                        rs.getInt("number"),
                        rs.getString("short_title"),
                        rs.getString("title"),
                        Arrays.stream((Object[]) rs.getArray("targets").getArray())
                                .map(String::valueOf)
                                .toList()))
                .list();
        List<Participant> participants = jdbc.sql(
                        "select code, name, kind, region from participant order by kind, name")
                .query((rs, n) -> new Participant(
                        rs.getString("code"),
                        rs.getString("name"),
                        ParticipantKind.valueOf(rs.getString("kind")),
                        rs.getString("region")))
                .list();
        List<String> byName = jdbc.sql("select code from participant order by name")
                .query(String.class)
                .list();
        Map<String, Integer> nameRank = new HashMap<>();
        for (int i = 0; i < byName.size(); i++) {
            nameRank.put(byName.get(i), i);
        }
        Map<String, List<String>> listedMembers = new HashMap<>();
        jdbc.sql("select body_code, member_code from regional_body_member")
                .query((rs, n) -> Map.entry(rs.getString("body_code"), rs.getString("member_code")))
                .list()
                .forEach(e -> listedMembers
                        .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        return new Snapshot(
                objectives,
                objectives.stream().collect(Collectors.toMap(Objective::number, Function.identity())),
                participants,
                participants.stream()
                        .collect(Collectors.toMap(
                                Participant::code, Function.identity(), (a, b) -> a, LinkedHashMap::new)),
                nameRank,
                listedMembers);
    }

    private record Snapshot(
            List<Objective> objectives,
            Map<Integer, Objective> objectivesByNumber,
            List<Participant> participants,
            Map<String, Participant> participantsByCode,
            Map<String, Integer> nameRank,
            Map<String, List<String>> listedMembers) {}
}
