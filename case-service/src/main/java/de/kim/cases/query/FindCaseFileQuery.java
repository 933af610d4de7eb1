package de.kim.cases.query;

/** Fetch one case file of a tenant. */
public record FindCaseFileQuery(String tenant, String caseId) {
}
