package de.kim.cases.query;

/** The queries case-service answers from its read models. */
public final class CaseQueries {

    private CaseQueries() {
    }

    /** One case file of a tenant. */
    public record FindCaseFileQuery(String tenant, String caseId) {
    }

    /** The case files of a tenant, each filter optional. */
    public record FindCasesQuery(String tenant, String status, String town, String assignee) {
    }

    /** Open follow-ups of a tenant due on or before a day, optionally of one case manager. */
    public record FindDueFollowUpsQuery(String tenant, String assignee, java.time.LocalDate dueBy) {
    }
}
