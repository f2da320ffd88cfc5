package org.compactreview.cycle.web;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.compactreview.cycle.CycleProcessModels;
import org.compactreview.cycle.CycleProcessModels.DeployedModel;
import org.compactreview.cycle.CycleService;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.framework.Participant;
import org.compactreview.platform.NotFoundException;
import org.compactreview.task.WorkItem;
import org.compactreview.task.WorkItemQueries;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The live process view of a cycle: the diagrams of the models its reviews and the cycle itself run
 * on (their deployed version), drawn on the server, with how many participants stand at each user
 * task now, and the list of those participants per task. For the secretariat and managers, who
 * follow cycles; administrators run the engine, not cycles, and have Cockpit.
 */
@Controller
@PreAuthorize("hasAnyRole('SECRETARIAT', 'MANAGER')")
class CycleProcessPagesController {

    static final String PROCESS = "cycle/process";
    static final String STEP = "cycle/process-step";

    private static final Pattern TASK_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    /** A diagram and, beside it, its user tasks and their counts (for screen readers and phones). */
    record Diagram(String key, String title, int version, String svg, List<Step> steps) {}

    record Step(String taskKey, String name, int count, String href) {}

    /** A participant at a step: who they are and who holds the task. */
    record AtStep(String participantCode, String participantName, String assignee, WorkItem task) {}

    private final CycleService cycles;
    private final CycleProcessModels models;
    private final WorkItemQueries workItems;
    private final FrameworkCatalog framework;
    private final MessageSource messages;

    CycleProcessPagesController(
            CycleService cycles,
            CycleProcessModels models,
            WorkItemQueries workItems,
            FrameworkCatalog framework,
            MessageSource messages) {
        this.cycles = cycles;
        this.models = models;
        this.workItems = workItems;
        this.framework = framework;
        this.messages = messages;
    }

    @GetMapping("/cycles/{id}/process")
    String process(@PathVariable long id, Model model) {
        ReviewCycle cycle = cycles.get(id);
        Map<String, Integer> counts = workItems.participantsByTaskKey(id);
        Locale locale = LocaleContextHolder.getLocale();
        String base = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/cycles/{id}/process/")
                .buildAndExpand(id)
                .toUriString();
        List<Diagram> diagrams = models.of(id).stream()
                .map(deployed -> diagram(deployed, counts, locale, key -> base + key))
                .toList();
        model.addAttribute("cycle", cycle);
        model.addAttribute("diagrams", diagrams);
        return PROCESS;
    }

    @GetMapping("/cycles/{id}/process/{taskKey}")
    String step(@PathVariable long id, @PathVariable String taskKey, Model model) {
        ReviewCycle cycle = cycles.get(id);
        if (!TASK_KEY.matcher(taskKey).matches()) {
            throw new NotFoundException("task key", taskKey);
        }
        List<AtStep> rows = workItems.atTaskKey(id, taskKey).stream()
                .map(item -> new AtStep(
                        item.participantCode(),
                        item.participantCode() == null
                                ? null
                                : framework
                                        .participant(item.participantCode())
                                        .map(Participant::name)
                                        .orElse(item.participantCode()),
                        item.assignee(),
                        item))
                .toList();
        model.addAttribute("cycle", cycle);
        model.addAttribute("taskKey", taskKey);
        model.addAttribute(
                "stepName", messages.getMessage("task." + taskKey, null, taskKey, LocaleContextHolder.getLocale()));
        model.addAttribute("rows", rows);
        return STEP;
    }

    private Diagram diagram(
            DeployedModel deployed, Map<String, Integer> counts, Locale locale, Function<String, String> link) {
        Function<FlowElement, String> label = element -> messages.getMessage(
                "task." + element.getId(), null, element.getName() == null ? "" : element.getName(), locale);
        String title = messages.getMessage("process.diagram." + deployed.key(), null, deployed.key(), locale);
        String svg = new BpmnSvg("diagram-" + deployed.key(), label, counts, link).render(deployed.model(), title);
        // The steps in the order they are drawn, left to right.
        Map<String, Double> x = new HashMap<>();
        deployed.model().getModelElementsByType(BpmnShape.class).stream()
                .filter(s -> s.getBpmnElement() != null && s.getBounds() != null)
                .forEach(s -> x.put(s.getBpmnElement().getId(), s.getBounds().getX()));
        List<Step> steps = deployed.model().getModelElementsByType(UserTask.class).stream()
                .sorted(Comparator.comparing((UserTask t) -> x.getOrDefault(t.getId(), 0.0)))
                .map(t -> {
                    int count = counts.getOrDefault(t.getId(), 0);
                    return new Step(t.getId(), label.apply(t), count, count > 0 ? link.apply(t.getId()) : null);
                })
                .toList();
        return new Diagram(deployed.key(), title, deployed.version(), svg, steps);
    }
}
