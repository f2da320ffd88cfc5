package org.compactreview.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The confirmation step of an irreversible page action (issue 14: recording meeting outcomes,
 * closing a consultation, declining a request happened on one click). The action's post without
 * {@code confirmed=true} changes nothing and answers this page instead: what is about to happen,
 * that it cannot be undone, and the same post again (every field it sent, as hidden fields) with
 * {@code confirmed=true}, or a way back. Server-rendered, so it needs no script and keeps the
 * strict content security policy; without it, a forged or double-clicked post does nothing.
 */
@Component
public class Confirmations {

    public static final String PAGE = "confirm";

    /** A field the post sent, to send again. */
    public record Field(String name, String value) {}

    /**
     * Answers the confirmation page for the current post.
     *
     * @param title message code of the page's heading (the action)
     * @param consequence message code of what will happen
     * @param argument the consequence's {@code {0}} (a name), or null
     * @param back where "Go back" leads
     */
    public String ask(Model model, String title, String consequence, Object argument, String back) {
        return ask(model, title, consequence, argument, back, List.of());
    }

    /** As above, with the lines the action will record (the commitments of a declaration), shown as a list. */
    public String ask(
            Model model, String title, String consequence, Object argument, String back, List<String> details) {
        var request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        List<Field> fields = new ArrayList<>();
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            if (name.equals("_csrf") || name.equals("confirmed")) {
                continue;
            }
            for (String value : parameter.getValue()) {
                fields.add(new Field(name, value));
            }
        }
        model.addAttribute(
                "confirmAction",
                request.getRequestURI().substring(request.getContextPath().length()));
        model.addAttribute("confirmFields", fields);
        model.addAttribute("confirmTitle", title);
        model.addAttribute("confirmConsequence", consequence);
        model.addAttribute("confirmArgument", argument == null ? "" : argument);
        model.addAttribute("confirmBack", back);
        model.addAttribute("confirmDetails", details);
        return PAGE;
    }
}
