package org.compactreview.cycle.web;

import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.PageRequest;
import org.compactreview.tracking.CyclesOverview;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The cycles overview with its KPIs (tracking assembles it), for the secretariat and managers. */
@Controller
@PreAuthorize("hasAnyRole('SECRETARIAT', 'MANAGER')")
class CyclesOverviewPageController {

    static final String OVERVIEW = "cycle/overview";
    static final int PAGE_SIZE = 20;

    private final CyclesOverview overview;

    CyclesOverviewPageController(CyclesOverview overview) {
        this.overview = overview;
    }

    @GetMapping("/cycles/overview")
    String overview(@RequestParam(defaultValue = "0") int page, CurrentUser user, Model model) {
        model.addAttribute("overview", overview.overview(user, new PageRequest(page, PAGE_SIZE)));
        return OVERVIEW;
    }
}
