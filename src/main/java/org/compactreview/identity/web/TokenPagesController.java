package org.compactreview.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.compactreview.identity.ApiTokens;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.IssuedToken;
import org.compactreview.platform.ConflictException;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.PageSteps;
import org.compactreview.platform.Problems;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Every signed-in user's API tokens: list, create, revoke. A new token's secret is shown on the
 * answer to the creating request itself (never redirected through the session, never cached).
 */
@Controller
class TokenPagesController {

    static final String PAGE = "identity/tokens";

    private final ApiTokens tokens;
    private final Problems problems;
    private final PageSteps steps;
    private final Clock clock;

    TokenPagesController(ApiTokens tokens, Problems problems, PageSteps steps, Clock clock) {
        this.tokens = tokens;
        this.problems = problems;
        this.steps = steps;
        this.clock = clock;
    }

    @GetMapping("/account/tokens")
    String list(CurrentUser user, Model model) {
        return page(user, model, null, null);
    }

    @PostMapping("/account/tokens")
    String create(
            CurrentUser user,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "90") String expiresInDays,
            Model model,
            HttpServletResponse response) {
        try {
            IssuedToken issued = tokens.create(user, name, days(expiresInDays));
            response.setHeader("Cache-Control", "no-store");
            return page(user, model, issued, null);
        } catch (InvalidInputException | ConflictException refused) {
            model.addAttribute("typedName", name);
            model.addAttribute("typedDays", expiresInDays);
            return page(user, model, null, problems.describe(refused));
        }
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        return steps.run(redirect, "/account/tokens", "flash.token.revoked", () -> tokens.revoke(user, id));
    }

    private static Integer days(String value) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("expiresInDays", "validation.token.days", 366);
        }
    }

    private String page(CurrentUser user, Model model, IssuedToken issued, String error) {
        model.addAttribute("tokens", tokens.list(user));
        model.addAttribute("issued", issued);
        model.addAttribute("formError", error);
        model.addAttribute("now", clock.instant());
        return PAGE;
    }
}
