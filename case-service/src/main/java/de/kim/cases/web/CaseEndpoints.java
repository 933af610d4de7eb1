package de.kim.cases.web;

import de.kim.cases.api.CaseAccess;
import de.kim.cases.api.CaseId;
import de.kim.cases.query.CaseFile;
import de.kim.cases.query.CaseQueries.FindCaseFileQuery;
import de.kim.cases.query.CaseQueries.FindCaseHeadQuery;
import de.kim.platform.domain.InvalidInputException;
import de.kim.platform.domain.NotFoundException;
import de.kim.platform.web.RequestActorResolver;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the controllers under {@code /api/cases} share: the case file the caller may see, the
 * caller's tenant, the case id and {@code If-Match} version read from a request, and the answer
 * to a request that created something.
 */
@Component
class CaseEndpoints {

    static final String BASE = "/api/cases";
    private static final Pattern VERSION = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

    private final QueryGateway queries;
    private final RequestActorResolver actors;

    CaseEndpoints(QueryGateway queries, RequestActorResolver actors) {
        this.queries = queries;
        this.actors = actors;
    }

    /** The case file, if the caller may work the case; any other case is "not found". */
    CaseFile file(String id) {
        return mayWork(queries.query(new FindCaseFileQuery(tenant(), id),
                ResponseTypes.optionalInstanceOf(CaseFile.class)).join());
    }

    /** The case file's head ({@link FindCaseHeadQuery}), if the caller may work the case; any other case is "not found". */
    CaseFile head(String id) {
        return mayWork(queries.query(new FindCaseHeadQuery(tenant(), id),
                ResponseTypes.optionalInstanceOf(CaseFile.class)).join());
    }

    private CaseFile mayWork(Optional<CaseFile> file) {
        return file.filter(found -> CaseAccess.mayWork(actors.require(), found.assignee))
                .orElseThrow(() -> new NotFoundException("case.not-found"));
    }

    String tenant() {
        return actors.require().tenant().value();
    }

    /** The case id of a path; one that cannot be an id names no case. */
    static CaseId caseId(String id) {
        if (!id.matches(CaseRequests.ID)) {
            throw new NotFoundException("case.not-found");
        }
        return new CaseId(id);
    }

    /** The version an {@code If-Match} header names; {@code null} for none. */
    static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        Matcher matcher = VERSION.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw new InvalidInputException("If-Match", "case.version.invalid");
        }
        return Long.parseLong(matcher.group(1));
    }

    /** 201 with the new thing's id, and its address under {@code /api/cases}. */
    static ResponseEntity<Map<String, String>> created(String id, String path, Object... variables) {
        return ResponseEntity.created(location(path, variables)).body(Map.of("id", id));
    }

    static URI location(String path, Object... variables) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(BASE + path)
                .buildAndExpand(variables).toUri();
    }
}
