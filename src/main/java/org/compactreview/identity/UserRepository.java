package org.compactreview.identity;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.compactreview.platform.Page;
import org.compactreview.platform.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    private static final String SELECT_USER =
            """
            select u.username, u.display_name, u.email, u.enabled, u.locale,
                   array(select r.role from user_role r where r.username = u.username) as roles,
                   array(select p.participant_code from user_participant p where p.username = u.username) as participants
            from app_user u
            """;

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AppUser> find(String username) {
        return jdbc.sql(SELECT_USER + " where u.username = ?")
                .param(username)
                .query((rs, n) -> map(rs))
                .optional();
    }

    /** At most two: enough to tell one match from several. */
    List<AppUser> findByEmail(String email) {
        return jdbc.sql(SELECT_USER + " where lower(u.email) = lower(?) order by u.username limit 2")
                .param(email)
                .query((rs, n) -> map(rs))
                .list();
    }

    Optional<String> passwordHash(String username) {
        return jdbc.sql("select password_hash from app_user where username = ? and enabled")
                .param(username)
                .query(String.class)
                .optional();
    }

    Optional<Long> securityStamp(String username) {
        return jdbc.sql("select security_stamp from app_user where username = ? and enabled")
                .param(username)
                .query(Long.class)
                .optional();
    }

    void raiseSecurityStamp(String username) {
        jdbc.sql("update app_user set security_stamp = security_stamp + 1 where username = ?")
                .param(username)
                .update();
    }

    Page<AppUser> list(PageRequest page) {
        long total = jdbc.sql("select count(*) from app_user").query(Long.class).single();
        List<AppUser> items = jdbc.sql(SELECT_USER + " order by u.username limit ? offset ?")
                .params(page.size(), page.offset())
                .query((rs, n) -> map(rs))
                .list();
        return new Page<>(items, page.page(), page.size(), total);
    }

    List<Recipient> focalPointRecipients(String participantCode) {
        return jdbc.sql(
                        """
                        select u.email, u.locale from app_user u
                        join user_participant p on p.username = u.username
                        join user_role r on r.username = u.username and r.role = 'FOCAL_POINT'
                        where p.participant_code = ? and u.enabled and u.email is not null
                        order by u.email
                        """)
                .param(participantCode)
                .query((rs, n) -> new Recipient(rs.getString("email"), rs.getString("locale")))
                .list();
    }

    /**
     * Of each candidate group, the enabled users a task of it may go to: the focal points of the
     * group's participant, or the holders of the group's role; two queries whatever the number of
     * groups. Ordered by display name; a group without members is absent.
     */
    Map<String, List<UserSummary>> enabledMembersOf(Collection<String> groups) {
        Map<String, String> groupOfParticipant = new HashMap<>();
        Map<String, String> groupOfRole = new HashMap<>();
        for (String group : groups) {
            Groups.participantOf(group).ifPresent(code -> groupOfParticipant.put(code, group));
            Groups.roleOf(group).ifPresent(role -> groupOfRole.put(role.name(), group));
        }
        Map<String, List<UserSummary>> members = new LinkedHashMap<>();
        if (!groupOfParticipant.isEmpty()) {
            jdbc.sql(
                            """
                            select p.participant_code as key, u.username, u.display_name from app_user u
                            join user_participant p on p.username = u.username
                            join user_role r on r.username = u.username and r.role = 'FOCAL_POINT'
                            where u.enabled and p.participant_code in (:codes)
                            order by u.display_name, u.username
                            """)
                    .param("codes", groupOfParticipant.keySet())
                    .query((rs, n) -> Map.entry(
                            groupOfParticipant.get(rs.getString("key")),
                            new UserSummary(rs.getString("username"), rs.getString("display_name"))))
                    .list()
                    .forEach(e -> members.computeIfAbsent(e.getKey(), g -> new ArrayList<>())
                            .add(e.getValue()));
        }
        if (!groupOfRole.isEmpty()) {
            jdbc.sql(
                            """
                            select r.role as key, u.username, u.display_name from app_user u
                            join user_role r on r.username = u.username
                            where u.enabled and r.role in (:roles)
                            order by u.display_name, u.username
                            """)
                    .param("roles", groupOfRole.keySet())
                    .query((rs, n) -> Map.entry(
                            groupOfRole.get(rs.getString("key")),
                            new UserSummary(rs.getString("username"), rs.getString("display_name"))))
                    .list()
                    .forEach(e -> members.computeIfAbsent(e.getKey(), g -> new ArrayList<>())
                            .add(e.getValue()));
        }
        return members;
    }

    /** Display names of the given users that exist, by username. */
    Map<String, String> displayNames(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return Map.of();
        }
        Map<String, String> names = new HashMap<>();
        jdbc.sql("select username, display_name from app_user where username in (:names)")
                .param("names", usernames)
                .query((rs, n) -> Map.entry(rs.getString("username"), rs.getString("display_name")))
                .list()
                .forEach(e -> names.put(e.getKey(), e.getValue()));
        return names;
    }

    /** The enabled contributors of a participant, by display name. */
    List<AppUser> contributorsOf(String participantCode) {
        return jdbc.sql(SELECT_USER
                        + " where u.enabled"
                        + " and exists (select 1 from user_role r where r.username = u.username and r.role = 'CONTRIBUTOR')"
                        + " and exists (select 1 from user_participant p where p.username = u.username"
                        + " and p.participant_code = ?)"
                        + " order by u.display_name, u.username")
                .param(participantCode)
                .query((rs, n) -> map(rs))
                .list();
    }

    long countWithRole(Role role) {
        return jdbc.sql("select count(*) from user_role where role = ?")
                .param(role.name())
                .query(Long.class)
                .single();
    }

    void insert(String username, String passwordHash, UserDraft draft) {
        jdbc.sql(
                        """
                        insert into app_user (username, display_name, email, password_hash, enabled, locale)
                        values (?, ?, ?, ?, ?, ?)
                        """)
                .params(username, draft.displayName(), draft.email(), passwordHash, draft.enabled(), draft.locale())
                .update();
        replaceRolesAndParticipants(username, draft);
    }

    void update(String username, UserDraft draft) {
        jdbc.sql("update app_user set display_name = ?, email = ?, enabled = ?, locale = ? where username = ?")
                .params(draft.displayName(), draft.email(), draft.enabled(), draft.locale(), username)
                .update();
        replaceRolesAndParticipants(username, draft);
    }

    void updateLocale(String username, String locale) {
        jdbc.sql("update app_user set locale = ? where username = ?")
                .params(locale, username)
                .update();
    }

    void updatePassword(String username, String passwordHash) {
        jdbc.sql("update app_user set password_hash = ? where username = ?")
                .params(passwordHash, username)
                .update();
    }

    private void replaceRolesAndParticipants(String username, UserDraft draft) {
        jdbc.sql("delete from user_role where username = ?").param(username).update();
        jdbc.sql("delete from user_participant where username = ?")
                .param(username)
                .update();
        for (Role role : draft.roles()) {
            jdbc.sql("insert into user_role (username, role) values (?, ?)")
                    .params(username, role.name())
                    .update();
        }
        for (String code : draft.participants()) {
            jdbc.sql("insert into user_participant (username, participant_code) values (?, ?)")
                    .params(username, code)
                    .update();
        }
    }

    private static AppUser map(ResultSet rs) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        strings(rs.getArray("roles")).forEach(r -> roles.add(Role.valueOf(r)));
        return new AppUser(
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("email"),
                rs.getBoolean("enabled"),
                rs.getString("locale"),
                roles,
                strings(rs.getArray("participants")).collect(Collectors.toSet()));
    }

    private static java.util.stream.Stream<String> strings(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf);
    }
}
