package org.compactreview.history;

import jakarta.servlet.http.HttpServletResponse;
import org.compactreview.audit.AuditEvent;
import org.compactreview.audit.AuditFilter;
import org.compactreview.audit.AuditObjectType;
import org.compactreview.audit.AuditQuery;
import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.NotFoundException;
import org.compactreview.platform.Page;
import org.compactreview.platform.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The history of one object. The task, report and user pages include {@code audit/history ::
 * historySection(type, id)}, which htmx fills from here when the page has loaded (the page itself stays
 * as fast as before, and its controller untouched); "show more" appends the next ten. Without
 * JavaScript the same address is a page of its own, paged. A viewer who may not read the history
 * gets 404 for the page, and nothing (an empty answer) for the section, which then disappears.
 */
@Controller
class HistoryController {

    static final String PAGE = "audit/object-history";
    static final String SECTION = "audit/history :: loaded";
    static final String MORE = "audit/history :: more";
    static final String NOTHING = "audit/history :: nothing";
    static final int SHOWN = 10;

    private final AuditQuery audit;
    private final AuditPresenter presenter;
    private final HistoryAccess access;

    HistoryController(AuditQuery audit, AuditPresenter presenter, HistoryAccess access) {
        this.audit = audit;
        this.presenter = presenter;
        this.access = access;
    }

    @GetMapping("/history/{type}/{id}")
    String history(
            @PathVariable String type,
            @PathVariable String id,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            CurrentUser user,
            Model model,
            HttpServletResponse response) {
        response.addHeader("Vary", "HX-Request");
        boolean fragment = "true".equals(htmx);
        String code = AuditObjectType.parse(type)
                .map(AuditObjectType::code)
                .orElseThrow(() -> new NotFoundException("history", type));
        try {
            access.check(code, id, user);
        } catch (NotFoundException unseen) {
            if (fragment) {
                return NOTHING;
            }
            throw unseen;
        }
        Page<AuditEvent> events =
                audit.find(new AuditFilter(null, null, code, id, null, null, null), new PageRequest(page, SHOWN));
        model.addAttribute("type", code);
        model.addAttribute("id", id);
        model.addAttribute("events", events);
        model.addAttribute("rows", presenter.rows(events.items(), user));
        model.addAttribute("hasMore", (long) (page + 1) * SHOWN < events.total());
        if (!fragment) {
            return PAGE;
        }
        return page == 0 ? SECTION : MORE;
    }
}
