package org.compactreview.identity.web;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.identity.AppUser;
import org.compactreview.identity.Role;
import org.compactreview.identity.UserDirectory;
import org.compactreview.identity.UserDraft;
import org.compactreview.platform.ConflictException;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.NotFoundException;
import org.compactreview.platform.PageRequest;
import org.compactreview.platform.Problems;
import org.compactreview.platform.UiLanguages;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators' user pages: list, create, edit, disable, reset password. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AdminUsersController {

    static final String LIST = "identity/users";
    static final String FORM = "identity/user-form";

    private final UserDirectory users;
    private final FrameworkCatalog framework;
    private final Problems problems;

    AdminUsersController(UserDirectory users, FrameworkCatalog framework, Problems problems) {
        this.users = users;
        this.framework = framework;
        this.problems = problems;
    }

    @GetMapping("/admin/users")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("users", users.list(new PageRequest(page, 50)));
        return LIST;
    }

    @GetMapping("/admin/users/new")
    String newUser(Model model) {
        return form(model, null, new AppUser("", "", "", true, null, Set.of(), Set.of()), null);
    }

    @GetMapping("/admin/users/{username}")
    String edit(@PathVariable String username, Model model) {
        AppUser user = users.find(username).orElseThrow(() -> new NotFoundException("user", username));
        return form(model, username, user, null);
    }

    @PostMapping("/admin/users")
    String save(
            @RequestParam(required = false) String existing,
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(required = false) String locale,
            @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(required = false) Set<Role> roles,
            @RequestParam(required = false) Set<String> participants,
            Model model,
            RedirectAttributes redirect) {
        Set<Role> chosenRoles = roles == null ? EnumSet.noneOf(Role.class) : roles;
        Set<String> chosenParticipants = participants == null ? Set.of() : new LinkedHashSet<>(participants);
        // The language of the user's pages and mails; empty: as their browser asks (the user's own
        // choice in the language menu later replaces it). A post without the field keeps it.
        String language = locale == null
                ? (StringUtils.hasText(existing)
                        ? users.find(existing).map(AppUser::locale).orElse(null)
                        : null)
                : StringUtils.hasText(locale) ? locale : null;
        UserDraft draft = new UserDraft(
                displayName.trim(),
                StringUtils.hasText(email) ? email.trim() : null,
                language,
                enabled,
                chosenRoles,
                chosenParticipants);
        String name = StringUtils.hasText(existing) ? existing : username.trim();
        try {
            if (!StringUtils.hasText(displayName) || chosenRoles.isEmpty()) {
                throw new InvalidInputException("displayName", "validation.user.name-and-role");
            }
            if (StringUtils.hasText(existing)) {
                users.update(existing, draft);
            } else {
                if (!name.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
                    throw new InvalidInputException("username", "validation.user.username");
                }
                users.create(name, password, draft);
            }
        } catch (InvalidInputException | ConflictException refused) {
            return form(
                    model,
                    existing,
                    new AppUser(name, displayName, email, enabled, language, chosenRoles, chosenParticipants),
                    problems.describe(refused));
        }
        redirect.addFlashAttribute("flash", "flash.user.saved");
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{username}/password")
    String resetPassword(@PathVariable String username, @RequestParam String password, RedirectAttributes redirect) {
        try {
            users.resetPassword(username, password);
            redirect.addFlashAttribute("flash", "flash.user.password-reset");
        } catch (InvalidInputException refused) {
            redirect.addFlashAttribute("flashError", problems.describe(refused));
        }
        return "redirect:/admin/users/" + username;
    }

    private String form(Model model, String existing, AppUser user, String error) {
        model.addAttribute("existing", existing);
        model.addAttribute("user", user);
        model.addAttribute("allRoles", Role.values());
        model.addAttribute("languages", UiLanguages.all());
        model.addAttribute("participants", framework.participants());
        model.addAttribute("formError", error);
        return FORM;
    }
}
