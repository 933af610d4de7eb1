package de.kim.cases.web;

import de.kim.cases.query.CaseFile;

import java.time.LocalDate;

/**
 * One line of a case list. A case whose client was erased stays in the list (it still counts)
 * with its codes and dates; where its name was, it shows the word for "erased" and an empty
 * given name. {@code caseNumber} is null only for a case opened before case numbers were given.
 */
public record CaseSummary(String id, String caseNumber, String givenName, String familyName, String town, String targetGroup,
                          String assignee, String status, LocalDate openedOn, boolean erased, long version) {

    static CaseSummary of(CaseFile file, String erasedWord) {
        boolean erased = file.client == null;
        String town = file.town != null ? file.town : erased ? "" : file.client.town();
        return new CaseSummary(file.id, file.caseNumber, erased ? "" : file.client.givenName(),
                erased ? erasedWord : file.client.familyName(), town, file.targetGroup.name(), file.assignee,
                file.status, file.openedOn, erased, file.version);
    }
}
