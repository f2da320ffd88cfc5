package org.compactreview.discussion;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.compactreview.audit.AuditLog;
import org.compactreview.cycle.CycleService;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;
import org.compactreview.platform.ConflictException;
import org.compactreview.platform.NotFoundException;
import org.compactreview.platform.Page;
import org.compactreview.platform.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The continuous dialogue: one open thread per cycle and objective, read by everyone signed in,
 * written by the focal points of every participant and the secretariat (managers and
 * administrators read). The secretariat moderates: it hides a post with a reason, audited; the
 * post then shows the reason to others, while its author (and the secretariat) still see the text.
 * A hidden post stays hidden: moderation is not undone by a second click but by a new post.
 */
@Service
public class DialogueService {

    private final DialogueRepository posts;
    private final CycleService cycles;
    private final FrameworkCatalog framework;
    private final AuditLog audit;
    private final Clock clock;

    DialogueService(
            DialogueRepository posts, CycleService cycles, FrameworkCatalog framework, AuditLog audit, Clock clock) {
        this.posts = posts;
        this.cycles = cycles;
        this.framework = framework;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every objective of the cycle, in order, with its thread's post count. */
    @Transactional(readOnly = true)
    public List<DialogueTopic> topics(long cycleId, CurrentUser user) {
        cycles.get(cycleId);
        Map<Integer, Object[]> counts = posts.counts(cycleId);
        return framework.objectives().stream()
                .map(o -> {
                    Object[] count = counts.get(o.number());
                    return new DialogueTopic(
                            o.number(),
                            o.title(),
                            count == null ? 0 : (Long) count[0],
                            count == null ? null : (Instant) count[1]);
                })
                .toList();
    }

    @Transactional(readOnly = true)
    public Page<DialoguePost> thread(long cycleId, int objective, CurrentUser user, PageRequest page) {
        checkThread(cycleId, objective);
        return new Page<>(
                posts.thread(cycleId, objective, page).stream()
                        .map(row -> view(row, user))
                        .toList(),
                page.page(),
                page.size(),
                posts.count(cycleId, objective));
    }

    @Transactional
    public DialoguePost post(long cycleId, int objective, String text, CurrentUser user) {
        if (!user.has(Role.FOCAL_POINT) && !user.has(Role.SECRETARIAT)) {
            throw new AccessDeniedException("focal points and the secretariat write in the dialogue");
        }
        checkThread(cycleId, objective);
        String body = DiscussionRules.text("text", text, DiscussionRules.MAX_TEXT);
        long id = posts.insert(cycleId, objective, user.username(), user.has(Role.SECRETARIAT), body, clock.instant());
        audit.record(
                "DIALOGUE_POSTED",
                "dialogue-post",
                id,
                null,
                Map.of("cycleId", cycleId, "objective", objective, "text", body));
        return view(posts.find(id).orElseThrow(), user);
    }

    /** The secretariat hides a post, saying why; a post already hidden answers 409. */
    @Transactional
    public DialoguePost hide(long postId, String reason, CurrentUser user) {
        if (!user.has(Role.SECRETARIAT)) {
            throw new AccessDeniedException("the secretariat moderates the dialogue");
        }
        DialogueRepository.Row row = posts.lock(postId).orElseThrow(() -> new NotFoundException("post", postId));
        String why = DiscussionRules.text("reason", reason, DiscussionRules.MAX_REASON);
        if (row.hiddenAt() != null) {
            throw new ConflictException("problem.dialogue.already-hidden", row.hiddenBy());
        }
        posts.hide(postId, user.username(), why, clock.instant());
        audit.record(
                "DIALOGUE_POST_HIDDEN",
                "dialogue-post",
                postId,
                Map.of("hidden", false, "author", row.author()),
                Map.of("hidden", true),
                why);
        return view(posts.find(postId).orElseThrow(), user);
    }

    private void checkThread(long cycleId, int objective) {
        cycles.get(cycleId);
        if (!framework.isObjective(objective)) {
            throw new NotFoundException("objective", objective);
        }
    }

    private static DialoguePost view(DialogueRepository.Row row, CurrentUser user) {
        boolean hidden = row.hiddenAt() != null;
        boolean seesText = !hidden || row.author().equals(user.username()) || user.has(Role.SECRETARIAT);
        return new DialoguePost(
                row.id(),
                row.cycleId(),
                row.objective(),
                row.author(),
                row.bySecretariat(),
                seesText ? row.body() : null,
                row.createdAt(),
                hidden,
                row.hiddenBy(),
                row.hiddenAt(),
                row.hiddenReason());
    }
}
