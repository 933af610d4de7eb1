package de.kim.cases.query;

import de.kim.contracts.vocabulary.TargetGroup;
import de.kim.platform.web.PageRequest;

import java.time.LocalDate;
import java.util.List;

/** The queries case-service answers from its read models. */
public final class CaseQueries {

    private CaseQueries() {
    }

    /** One case file of a tenant. */
    public record FindCaseFileQuery(String tenant, String caseId) {
    }

    /**
     * The head of one case file of a tenant: only who works it ({@code assignee}), its {@code version}
     * and {@code erasedOn}, for a request that needs no more (the history's page) than to know
     * whether the caller may see the case.
     */
    public record FindCaseHeadQuery(String tenant, String caseId) {
    }

    /** One page of the case files of a tenant that match the filter, in the order asked for. */
    public record FindCasesQuery(String tenant, CaseFilter filter, PageRequest page) {
    }

    /**
     * Which case files a list shows; each part optional, all given parts must match.
     *
     * @param followUpDueBy only cases with an open follow-up due on or before this day
     * @param searchTokens  blind-index tokens ({@code BlindIndex}) the file must all hold
     */
    public record CaseFilter(String status, String town, String assignee, TargetGroup targetGroup,
                             LocalDate followUpDueBy, String caseNumber, List<String> searchTokens) {

        public CaseFilter {
            searchTokens = searchTokens == null ? List.of() : List.copyOf(searchTokens);
        }
    }

    /** A page of case files and how many match in all; each file holds only what a row of the list shows. */
    public record CaseFilePage(List<CaseFile> files, long total) {
    }

    /** The open cases of the tenant whose client has this person token ({@code BlindIndex#personToken}). */
    public record FindOpenCasesOfPersonQuery(String tenant, String personToken) {
    }

    /** Open follow-ups of a tenant due on or before a day, optionally of one case manager, a page of them. */
    public record FindDueFollowUpsQuery(String tenant, String assignee, LocalDate dueBy, PageRequest page) {
    }

    /** A page of follow-ups and how many match in all. */
    public record FollowUpPage(List<FollowUpEntry> entries, long total) {
    }
}
