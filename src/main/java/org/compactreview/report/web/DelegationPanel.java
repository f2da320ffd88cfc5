package org.compactreview.report.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;
import org.compactreview.report.DelegationService;
import org.compactreview.report.EntryAuthor;
import org.compactreview.report.Report;
import org.compactreview.report.ReportService;
import org.compactreview.report.SectionDelegation;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the report form shows of section delegation (template {@code report/delegation}): for the
 * focal points, the report's delegations, the form to delegate and who last wrote each entry; for
 * a contributor, its open delegations of this report with their hand-back buttons.
 */
@Component
class DelegationPanel {

    private final DelegationService delegations;
    private final ReportService reports;

    DelegationPanel(DelegationService delegations, ReportService reports) {
        this.delegations = delegations;
        this.reports = reports;
    }

    void addTo(Model model, Report report, CurrentUser user) {
        boolean contributor = user.has(Role.CONTRIBUTOR);
        List<SectionDelegation> shown = contributor
                ? delegations.mine(user).stream()
                        .filter(d -> d.reportId() == report.id() && d.open())
                        .toList()
                : user.seesAllParticipants() || user.represents(report.participantCode())
                        ? delegations.ofReport(report.id(), user)
                        : List.of();
        Map<Integer, SectionDelegation> open = shown.stream()
                .filter(SectionDelegation::open)
                .flatMap(d -> d.objectives().stream().map(n -> Map.entry(n, d)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
        boolean mayDelegate = !contributor && report.status().editable() && user.represents(report.participantCode());
        model.addAttribute("contributorView", contributor);
        model.addAttribute("delegations", shown);
        model.addAttribute("delegatedTo", open);
        model.addAttribute("mayDelegate", mayDelegate);
        model.addAttribute("candidates", mayDelegate ? delegations.candidates(report.id(), user) : List.of());
        model.addAttribute(
                "authors",
                reports.authors(report.id(), user).stream()
                        .collect(Collectors.toMap(EntryAuthor::objective, Function.identity())));
    }
}
