package org.compactreview.history;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import org.compactreview.audit.AuditCsv;
import org.compactreview.audit.AuditEvent;
import org.compactreview.audit.AuditFilter;
import org.compactreview.audit.AuditObjectType;
import org.compactreview.audit.AuditQuery;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.UserDirectory;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.Page;
import org.compactreview.platform.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The searchable audit list of the secretariat, managers and administrators, newest first, 50 a
 * page, and its CSV export with the same filters (streamed, any length).
 */
@Controller
@PreAuthorize("hasAnyRole('SECRETARIAT', 'MANAGER', 'ADMIN')")
class AuditPagesController {

    static final String LIST = "audit/list";
    static final int PAGE_SIZE = 50;

    private final AuditQuery audit;
    private final AuditCsv csv;
    private final AuditPresenter presenter;
    private final UserDirectory users;

    AuditPagesController(AuditQuery audit, AuditCsv csv, AuditPresenter presenter, UserDirectory users) {
        this.audit = audit;
        this.csv = csv;
        this.presenter = presenter;
        this.users = users;
    }

    @GetMapping("/audit")
    String list(
            @ModelAttribute("search") AuditSearch search,
            BindingResult errors,
            @RequestParam(defaultValue = "0") int page,
            CurrentUser user,
            Model model) {
        model.addAttribute(
                "objectTypes",
                Arrays.stream(AuditObjectType.values())
                        .map(AuditObjectType::code)
                        .toList());
        model.addAttribute(
                "actions",
                AuditActions.KNOWN.stream()
                        .map(action -> new Suggestion(action, presenter.actionLabel(action)))
                        .toList());
        // The people offered by name in the "who" filter: the first page of users (any username is taken).
        model.addAttribute(
                "people",
                users.list(new PageRequest(0, PageRequest.MAX_SIZE)).items().stream()
                        .map(person -> new Suggestion(person.username(), person.displayName()))
                        .toList());
        if (errors.hasErrors()) {
            return LIST;
        }
        AuditFilter filter;
        try {
            filter = search.filter();
        } catch (InvalidInputException invalid) {
            invalid.fieldProblems()
                    .forEach(p -> errors.rejectValue(p.field(), p.messageCode(), p.arguments(), p.messageCode()));
            return LIST;
        }
        Page<AuditEvent> events = audit.find(filter, new PageRequest(page, PAGE_SIZE));
        model.addAttribute("events", events);
        model.addAttribute("rows", presenter.rows(events.items(), user));
        model.addAttribute("previousLink", page > 0 ? search.link("/audit", page - 1) : null);
        model.addAttribute(
                "nextLink", (long) (page + 1) * PAGE_SIZE < events.total() ? search.link("/audit", page + 1) : null);
        model.addAttribute("csvLink", search.link("/audit/export.csv", null));
        return LIST;
    }

    @GetMapping("/audit/export.csv")
    void export(@ModelAttribute("search") AuditSearch search, HttpServletResponse response) throws IOException {
        csv.send(search.filter(), response);
    }

    /** A value offered in a filter: its code (an action, a username) and its name for the reader. */
    public record Suggestion(String code, String label) {}
}
