package de.kim.immigration.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import de.kim.immigration.api.Pathway;
import de.kim.immigration.api.ResidenceStatusType;

import java.time.LocalDate;
import java.time.Period;
import java.util.Iterator;
import java.util.List;

/**
 * The answer of {@code GET /api/pathway-candidates}: one page of the records that meet a pathway's requirements on
 * {@code asOf} or will meet them by {@code until}, with what is still missing.
 *
 * It iterates over the candidates of the page, so that the audit trail records a read of each record shown.
 *
 * @param total the number of candidates on all pages
 */
@JsonFormat(shape = JsonFormat.Shape.OBJECT)
public record CandidateList(Pathway pathway, String pathwayLabel, LocalDate asOf, Period within, LocalDate until,
                            int page, int size, int total, List<Candidate> candidates)
        implements Iterable<CandidateList.Candidate> {

    @Override
    public Iterator<Candidate> iterator() {
        return candidates.iterator();
    }

    /**
     * One record on the list.
     *
     * @param record   the record's Aktenzeichen and person's name, as the officer reads it (null for a record
     *                 opened before they were asked for)
     * @param meetsNow whether nothing screenable is missing on {@code asOf}; otherwise it is met by {@code until}
     *                 if the current status is extended and nothing else changes
     * @param missing  the requirements missing on {@code asOf} (empty when {@code meetsNow})
     * @param toCheck  the requirements the officer checks (what the record cannot show)
     */
    public record Candidate(String recordId, String record, String officer, ResidenceStatusType currentStatus,
                            String currentStatusLabel, boolean meetsNow, LocalDate meetsBy,
                            PathwaysResponse.RuleSetRef ruleSet, List<PathwaysResponse.RequirementLine> missing,
                            List<PathwaysResponse.RequirementLine> toCheck) {
    }
}
