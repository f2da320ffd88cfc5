package org.compactreview.framework;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reference data, read once: it changes only with a migration or an administrator's edit, and
 * every form and validation reads it.
 *
 * <p>Names speak the reader's language: participants, objectives and their order are the view of
 * the current request's UI language ({@link ReferenceNames#currentLanguage()}), so that every page,
 * export and API answer that shows a participant or an objective names it in its reader's language
 * without each caller translating it. Outside a request (jobs, mail) the view is English, the
 * stored names. Each language's view is built once per snapshot.
 */
@Service
public class FrameworkCatalog {

    private final JdbcClient jdbc;
    private final ReferenceNames names;
    private volatile Snapshot snapshot;

    FrameworkCatalog(JdbcClient jdbc, ReferenceNames names) {
        this.jdbc = jdbc;
        this.names = names;
    }

    public List<Objective> objectives() {
        return localized().objectives();
    }

    /** The objectives named in a language, whatever the current request's. */
    public List<Objective> objectives(Locale locale) {
        return localized(ReferenceNames.language(locale)).objectives();
    }

    /** The participants named and ordered in a language, whatever the current request's. */
    public List<Participant> participants(Locale locale) {
        return localized(ReferenceNames.language(locale)).participants();
    }

    /** A participant named in a language, whatever the current request's. */
    public Optional<Participant> participant(String code, Locale locale) {
        return Optional.ofNullable(
                localized(ReferenceNames.language(locale)).participantsByCode().get(code));
    }

    public boolean isObjective(int number) {
        return snapshot().objectivesByNumber().containsKey(number);
    }

    /** Member states, then regional commissions and processes, each by name in the language. */
    public List<Participant> participants() {
        return localized().participants();
    }

    public Optional<Participant> participant(String code) {
        return Optional.ofNullable(localized().participantsByCode().get(code));
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

    /**
     * Orders participant codes by the participants' names: in English as the database sorts them,
     * in another language by that language's collation of the translated names.
     */
    public Comparator<String> byParticipantName() {
        Map<String, Integer> rank = localized().nameRank();
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

    private Localized localized() {
        return localized(ReferenceNames.currentLanguage());
    }

    private Localized localized(String language) {
        Snapshot current = snapshot();
        return current.byLanguage().computeIfAbsent(language, l -> localize(current, l));
    }

    private Localized localize(Snapshot base, String language) {
        if ("en".equals(language)) {
            return new Localized(base.objectives(), base.participants(), base.participantsByCode(), base.nameRank());
        }
        List<Objective> objectives = base.objectives().stream()
                .map(o -> new Objective(
                        o.number(),
                        names.objectiveShortTitle(o, language),
                        names.objectiveTitle(o, language),
                        o.sdgTargets()))
                .toList();
        Collator collator = Collator.getInstance(Locale.forLanguageTag(language));
        List<Participant> participants = base.participants().stream()
                .map(p -> new Participant(p.code(), names.participant(p, language), p.kind(), p.region()))
                .sorted(Comparator.comparing(Participant::kind)
                        .thenComparing(Participant::name, collator)
                        .thenComparing(Participant::code))
                .toList();
        List<Participant> byName = participants.stream()
                .sorted(Comparator.comparing(Participant::name, collator).thenComparing(Participant::code))
                .toList();
        Map<String, Integer> nameRank = new HashMap<>();
        for (int i = 0; i < byName.size(); i++) {
            nameRank.put(byName.get(i).code(), i);
        }
        return new Localized(objectives, participants, byCode(participants), nameRank);
    }

    private static Map<String, Participant> byCode(List<Participant> participants) {
        return participants.stream()
                .collect(Collectors.toMap(Participant::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
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
                byCode(participants),
                nameRank,
                listedMembers,
                new ConcurrentHashMap<>());
    }

    private record Snapshot(
            List<Objective> objectives,
            Map<Integer, Objective> objectivesByNumber,
            List<Participant> participants,
            Map<String, Participant> participantsByCode,
            Map<String, Integer> nameRank,
            Map<String, List<String>> listedMembers,
            Map<String, Localized> byLanguage) {}

    /** The participants and objectives named in one language. */
    private record Localized(
            List<Objective> objectives,
            List<Participant> participants,
            Map<String, Participant> participantsByCode,
            Map<String, Integer> nameRank) {}
}
