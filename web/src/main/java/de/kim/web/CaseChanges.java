package de.kim.web;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.function.Supplier;

/**
 * Sends a change of a case and leads back to the part of its case file the change belongs to once
 * the file holds the change:
 * the file is a read model that follows the command within moments, so the page waits for its
 * new version. A problem, or the double-funding warning, goes to the next page.
 */
@Component
public class CaseChanges {

    private final Api api;

    public CaseChanges(Api api) {
        this.api = api;
    }

    public String apply(String caseId, Supplier<Api.Answer> command, RedirectAttributes redirect) {
        String file = "/api/cases/" + caseId;
        long before = api.version(file);
        Api.Answer answer = command.get();
        if (answer.ok()) {
            api.awaitChange(file, before);
        }
        answer.flash(redirect);
        if (answer.ok() && answer.body().path("doubleFundingWith").size() > 0) {
            redirect.addFlashAttribute("warning", "double-funding");
        }
        return "redirect:" + CaseFileSections.pageAfter(caseId, currentPath());
    }

    /** The path the form was posted to (the part of the case file it belongs to). */
    private static String currentPath() {
        return org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes request
                ? request.getRequest().getRequestURI() : null;
    }
}
