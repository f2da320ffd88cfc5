package org.compactreview.discussion.web;

import org.compactreview.cycle.CycleService;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.discussion.DialoguePost;
import org.compactreview.discussion.DialogueService;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.NotFoundException;
import org.compactreview.platform.Page;
import org.compactreview.platform.PageRequest;
import org.compactreview.platform.PageSteps;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The continuous dialogue's pages: the cycles, a cycle's objectives with their posts, one thread. */
@Controller
class DialoguePagesController {

    static final String CYCLES = "discussion/dialogue-cycles";
    static final String INDEX = "discussion/dialogue";
    static final String THREAD = "discussion/thread";
    static final int POSTS_PER_PAGE = 25;

    private final DialogueService dialogue;
    private final CycleService cycles;
    private final FrameworkCatalog framework;
    private final PageSteps steps;

    DialoguePagesController(
            DialogueService dialogue, CycleService cycles, FrameworkCatalog framework, PageSteps steps) {
        this.dialogue = dialogue;
        this.cycles = cycles;
        this.framework = framework;
        this.steps = steps;
    }

    @GetMapping("/dialogue")
    String cycles(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("cycles", cycles.list(new PageRequest(page, 25)));
        return CYCLES;
    }

    @GetMapping("/dialogue/{cycleId}")
    String index(@PathVariable long cycleId, CurrentUser user, Model model) {
        model.addAttribute("cycle", cycles.get(cycleId));
        model.addAttribute("topics", dialogue.topics(cycleId, user));
        return INDEX;
    }

    @GetMapping("/dialogue/{cycleId}/{objective}")
    String thread(
            @PathVariable long cycleId,
            @PathVariable int objective,
            @RequestParam(defaultValue = "0") int page,
            CurrentUser user,
            Model model) {
        ReviewCycle cycle = cycles.get(cycleId);
        Page<DialoguePost> posts = dialogue.thread(cycleId, objective, user, new PageRequest(page, POSTS_PER_PAGE));
        model.addAttribute("cycle", cycle);
        model.addAttribute("objective", objective);
        // Not "title": the layout's fragment takes a parameter of that name.
        model.addAttribute(
                "objectiveTitle",
                framework.objectives().stream()
                        .filter(o -> o.number() == objective)
                        .findFirst()
                        .map(o -> o.title())
                        .orElseThrow(() -> new NotFoundException("objective", objective)));
        model.addAttribute("posts", posts);
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", java.util.Map.of());
        }
        return THREAD;
    }

    @PostMapping("/dialogue/{cycleId}/{objective}")
    String post(
            @PathVariable long cycleId,
            @PathVariable int objective,
            @RequestParam(required = false) String text,
            CurrentUser user,
            RedirectAttributes redirect) {
        String thread = "/dialogue/" + cycleId + "/" + objective;
        steps.run(redirect, thread, "flash.dialogue.posted", () -> dialogue.post(cycleId, objective, text, user));
        if (!redirect.getFlashAttributes().containsKey("flash")) {
            return "redirect:" + thread + "#post-form";
        }
        // The new post is the thread's last: show its page.
        long total =
                dialogue.thread(cycleId, objective, user, new PageRequest(0, 1)).total();
        return "redirect:" + thread + "?page=" + ((total - 1) / POSTS_PER_PAGE) + "#posts";
    }

    @PostMapping("/dialogue/posts/{postId}/hide")
    String hide(
            @PathVariable long postId,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String back,
            CurrentUser user,
            RedirectAttributes redirect) {
        return steps.run(
                redirect,
                DiscussionPagesController.back(back, "/dialogue"),
                "flash.dialogue.hidden",
                () -> dialogue.hide(postId, reason, user));
    }
}
