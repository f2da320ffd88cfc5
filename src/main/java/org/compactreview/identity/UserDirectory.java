package org.compactreview.identity;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.compactreview.audit.AuditLog;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.platform.ConflictException;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.NotFoundException;
import org.compactreview.platform.Page;
import org.compactreview.platform.PageRequest;
import org.compactreview.platform.UiLanguages;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users, roles and represented participants; every change is audited and mirrored to Camunda. */
@Service
public class UserDirectory {

    public static final int MIN_PASSWORD_LENGTH = 12;

    /** BCrypt reads at most 72 bytes. */
    public static final int MAX_PASSWORD_LENGTH = 72;

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final CamundaIdentitySync camunda;
    private final FrameworkCatalog framework;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    UserDirectory(
            UserRepository users,
            PasswordEncoder passwords,
            CamundaIdentitySync camunda,
            FrameworkCatalog framework,
            AuditLog audit,
            ApplicationEventPublisher events) {
        this.users = users;
        this.passwords = passwords;
        this.camunda = camunda;
        this.framework = framework;
        this.audit = audit;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Optional<AppUser> find(String username) {
        return users.find(username);
    }

    /** The one user with this e-mail address (in any case); none if no user or several have it. */
    @Transactional(readOnly = true)
    public Optional<AppUser> findByEmail(String email) {
        List<AppUser> found = users.findByEmail(email);
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    @Transactional(readOnly = true)
    public Optional<String> passwordHash(String username) {
        return users.passwordHash(username);
    }

    /**
     * The user's security stamp, raised by every change of access (enabled, roles, participants,
     * password); empty when the user is unknown or disabled. A credential check remembered by a
     * node is trusted only while this stays the same.
     */
    @Transactional(readOnly = true)
    public Optional<Long> securityStamp(String username) {
        return users.securityStamp(username);
    }

    @Transactional(readOnly = true)
    public Page<AppUser> list(PageRequest page) {
        return users.list(page);
    }

    /** The enabled focal points of a participant who have an e-mail address, with their language. */
    @Transactional(readOnly = true)
    public List<Recipient> focalPointRecipients(String participantCode) {
        return users.focalPointRecipients(participantCode);
    }

    /**
     * The enabled users who may work on a task of the candidate group (a focal point of the
     * group's participant, or a holder of the group's role), by display name: whom a manager may
     * hand such a task to.
     */
    @Transactional(readOnly = true)
    public List<UserSummary> enabledMembersOf(String candidateGroup) {
        return users.enabledMembersOf(List.of(candidateGroup)).getOrDefault(candidateGroup, List.of());
    }

    /** {@link #enabledMembersOf(String)} of several groups at once, by group. */
    @Transactional(readOnly = true)
    public Map<String, List<UserSummary>> enabledMembersOf(java.util.Collection<String> candidateGroups) {
        return candidateGroups.isEmpty() ? Map.of() : users.enabledMembersOf(candidateGroups);
    }

    /** The display names of the users among {@code usernames} that exist, by username. */
    @Transactional(readOnly = true)
    public Map<String, String> displayNames(java.util.Collection<String> usernames) {
        return users.displayNames(usernames);
    }

    /**
     * The enabled contributors of a participant: the people its focal points may hand sections of
     * a report to. An administrator creates them (role {@link Role#CONTRIBUTOR} and the
     * participant); focal points pick, they do not invite.
     */
    @Transactional(readOnly = true)
    public List<AppUser> contributorsOf(String participantCode) {
        return users.contributorsOf(participantCode);
    }

    @Transactional
    public AppUser create(String username, String password, UserDraft draft) {
        if (users.find(username).isPresent()) {
            throw new ConflictException("problem.user.exists", username);
        }
        checkPassword(password);
        checkDraft(draft);
        users.insert(username, passwords.encode(password), draft);
        AppUser created = users.find(username).orElseThrow();
        camunda.save(created);
        audit.record("USER_CREATED", "user", username, null, created);
        return created;
    }

    @Transactional
    public AppUser update(String username, UserDraft draft) {
        AppUser before = users.find(username).orElseThrow(() -> new NotFoundException("user", username));
        checkDraft(draft);
        users.update(username, draft);
        AppUser after = users.find(username).orElseThrow();
        camunda.save(after);
        audit.record("USER_CHANGED", "user", username, before, after);
        if (before.enabled() != after.enabled()
                || !before.roles().equals(after.roles())
                || !before.participants().equals(after.participants())) {
            accessChanged(username);
        }
        return after;
    }

    @Transactional
    public void resetPassword(String username, String password) {
        users.find(username).orElseThrow(() -> new NotFoundException("user", username));
        checkPassword(password);
        users.updatePassword(username, passwords.encode(password));
        audit.record("USER_PASSWORD_RESET", "user", username, null, null);
        accessChanged(username);
    }

    /** Every session and remembered credential check of the user ends with this transaction. */
    private void accessChanged(String username) {
        users.raiseSecurityStamp(username);
        events.publishEvent(new UserChanged(username));
    }

    /** The user's language choice (a preference, not audited). */
    @Transactional
    public void rememberLocale(String username, String locale) {
        users.updateLocale(username, locale);
    }

    /** Creates a user unless it exists; used for demo users and the first administrator. */
    @Transactional
    public void ensureExists(String username, String password, UserDraft draft) {
        if (users.find(username).isEmpty()) {
            users.insert(username, passwords.encode(password), draft);
            AppUser created = users.find(username).orElseThrow();
            audit.record("USER_CREATED", "user", username, null, created);
        }
        camunda.save(users.find(username).orElseThrow());
    }

    @Transactional(readOnly = true)
    public boolean anyAdministrator() {
        return users.countWithRole(Role.ADMIN) > 0;
    }

    private void checkDraft(UserDraft draft) {
        Map<String, String> problems = new LinkedHashMap<>();
        // Pages post the draft without bean validation: the language is checked here too.
        if (draft.locale() != null && !UiLanguages.isTag(draft.locale())) {
            problems.put("locale", "validation.language");
        }
        Set<Role> roles = draft.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(draft.roles());
        if (roles.contains(Role.FOCAL_POINT) && draft.participants().isEmpty()) {
            problems.put("participants", "validation.user.focal-point-needs-participant");
        }
        // A contributor is a colleague of one state's ministry, nothing else: no role beside it
        // (its scope is its delegations) and exactly one participant (whose focal points pick it).
        if (roles.contains(Role.CONTRIBUTOR) && roles.size() > 1) {
            problems.put("roles", "validation.user.contributor-alone");
        }
        if (roles.contains(Role.CONTRIBUTOR) && draft.participants().size() != 1) {
            problems.put("participants", "validation.user.contributor-needs-one-participant");
        }
        if (!roles.contains(Role.FOCAL_POINT)
                && !roles.contains(Role.CONTRIBUTOR)
                && !draft.participants().isEmpty()) {
            problems.put("participants", "validation.user.participants-only-for-focal-points");
        }
        Set<String> unknown = new TreeSet<>(draft.participants());
        unknown.removeIf(code -> framework.participant(code).isPresent());
        if (!unknown.isEmpty()) {
            problems.put("participants", "validation.participant.unknown");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.entrySet().stream()
                    .map(e -> new InvalidInputException.FieldProblem(e.getKey(), e.getValue(), unknown))
                    .toList());
        }
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > MAX_PASSWORD_LENGTH) {
            throw new InvalidInputException(
                    "password", "validation.password.length", MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH);
        }
    }
}
