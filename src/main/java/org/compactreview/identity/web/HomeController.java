package org.compactreview.identity.web;

import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign-in page and each role's starting page. */
@Controller
class HomeController {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(CurrentUser user) {
        if (user.has(Role.ADMIN) && user.roles().size() == 1) {
            return "redirect:/admin/users";
        }
        if (user.has(Role.SECRETARIAT)) {
            return "redirect:/cycles";
        }
        if (user.has(Role.MANAGER)) {
            return "redirect:/team";
        }
        if (user.has(Role.CONTRIBUTOR)) {
            return "redirect:/my-sections";
        }
        return "redirect:/inbox";
    }
}
