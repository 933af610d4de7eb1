package de.kim.cases.web;

import de.kim.cases.query.CaseFile;

import java.time.LocalDate;

/** One line of a case list. */
public record CaseSummary(String id, String givenName, String familyName, String town, String targetGroup,
                          String assignee, String status, LocalDate openedOn, long version) {

    static CaseSummary of(CaseFile file) {
        return new CaseSummary(file.id, file.client.givenName(), file.client.familyName(), file.client.town(),
                file.targetGroup.name(), file.assignee, file.status, file.openedOn, file.version);
    }
}
