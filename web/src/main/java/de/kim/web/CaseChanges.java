package de.kim.web;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Sends a change of a case and leads back to the part of its case file the change belongs to once
 * the file holds the change:
 * the file is a read model that follows the command within moments, so the page waits for its
 * new version. A problem, or the double-funding warning, goes to the next page; a form's refused
 * fields go there as German sentences to show next to each ({@code formErrors[form][field]}).
 */
@Component
public class CaseChanges {

    private final Api api;
    private final FieldProblems problems;

    public CaseChanges(Api api, FieldProblems problems) {
        this.api = api;
        this.problems = problems;
    }

    public String apply(String caseId, Supplier<Api.Answer> command, RedirectAttributes redirect) {
        return apply(caseId, command, redirect, null, List.of());
    }

    /**
     * As {@link #apply(String, Supplier, RedirectAttributes)} for the form {@code form}: a refused field of
     * {@code fields} (as the API names them) is named next to it; above the form only the sentence that
     * something is wrong.
     */
    public String apply(String caseId, Supplier<Api.Answer> command, RedirectAttributes redirect, String form,
                        List<String> fields) {
        String file = "/api/cases/" + caseId;
        long before = api.version(file);
        Api.Answer answer = command.get();
        if (answer.ok()) {
            api.awaitChange(file, before);
        }
        answer.flash(redirect);
        Map<String, String> refused = answer.ok() || form == null ? Map.of() : problems.of(answer.body(), fields);
        if (!refused.isEmpty()) {
            redirect.addFlashAttribute("formErrors", Map.of(form, refused));
            redirect.addFlashAttribute("error", answer.body().path("detail").asText(answer.problem()));
        }
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
