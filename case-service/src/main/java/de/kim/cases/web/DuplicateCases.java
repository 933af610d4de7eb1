package de.kim.cases.web;

import de.kim.cases.api.CaseAccess;
import de.kim.platform.privacy.BlindIndex;
import de.kim.cases.query.CaseFile;
import de.kim.cases.query.CaseQueries.FindOpenCasesOfPersonQuery;
import de.kim.platform.domain.Actor;
import de.kim.platform.web.ProblemDetailsAdvice;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The warning before a case is opened twice for one person: an open case of the tenant whose
 * client has the same folded family and given name and date of birth (the blind index's person
 * token). The warning lists the cases the user may work (Aktenzeichen and address); of the others
 * it says only that one exists at another case manager. It is a warning, not a rule: the user may
 * confirm, as namesakes born on the same day exist, and two openings at the very same moment are
 * not held apart.
 */
@Component
class DuplicateCases {

    static final String PROBLEM_TYPE = ProblemDetailsAdvice.TYPE_PREFIX + "possible-duplicate";

    private final QueryGateway queries;
    private final BlindIndex index;
    private final MessageSource messages;

    DuplicateCases(QueryGateway queries, BlindIndex index, MessageSource messages) {
        this.queries = queries;
        this.index = index;
        this.messages = messages;
    }

    /** The 409 problem to answer instead of opening the case, if the person has an open case. */
    Optional<ProblemDetail> warning(Actor actor, OpenCaseRequest.Client client) {
        String tenant = actor.tenant().value();
        List<CaseFile> open = queries.query(new FindOpenCasesOfPersonQuery(tenant,
                        index.personToken(tenant, client.familyName(), client.givenName(), client.dateOfBirth())),
                ResponseTypes.multipleInstancesOf(CaseFile.class)).join();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        List<Map<String, String>> visible = open.stream().filter(file -> CaseAccess.mayWork(actor, file.assignee))
                .map(DuplicateCases::line).toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, text("case.duplicate.detail"));
        problem.setType(URI.create(PROBLEM_TYPE));
        problem.setTitle(text("case.duplicate.title"));
        problem.setProperty("duplicates", visible);
        if (visible.size() < open.size()) {
            problem.setProperty("elsewhere", text("case.duplicate.elsewhere"));
        }
        return Optional.of(problem);
    }

    private static Map<String, String> line(CaseFile file) {
        Map<String, String> line = new LinkedHashMap<>();
        line.put("id", file.id);
        if (file.caseNumber != null) {
            line.put("caseNumber", file.caseNumber);
        }
        line.put("href", CaseEndpoints.BASE + "/" + file.id);
        return line;
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
