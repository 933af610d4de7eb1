package de.kim.immigration.web;

import de.kim.immigration.api.Pathway;
import de.kim.immigration.web.docs.PathwayCandidateApi;
import de.kim.platform.audit.AuditInterceptor;
import de.kim.platform.audit.Audited;
import de.kim.platform.domain.InvalidInputException;
import de.kim.platform.web.ListPaging;
import de.kim.platform.web.PageRequest;
import de.kim.platform.web.RequestActorResolver;
import de.kim.platform.web.SpreadsheetFiles;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * Candidate lists for the officer's work: which open records of the Kommune meet a pathway's requirements on a day,
 * or will meet them within a period if nothing but time changes ({@link PathwayCandidates}), as a page or as a CSV or
 * XLSX file for the office's own procedure. It screens each record as the record page does; it never decides. Each
 * record listed or exported is written to the audit trail as read.
 */
@RestController
@Audited(item = "recordId")
@RequestMapping("/api/pathway-candidates")
public class PathwayCandidateController implements PathwayCandidateApi {

    private final RequestActorResolver actors;
    private final PathwayCandidates candidates;
    private final CandidateFiles files;
    private final ScreeningTexts texts;
    private final Clock clock;

    public PathwayCandidateController(RequestActorResolver actors, PathwayCandidates candidates, CandidateFiles files,
                                      ScreeningTexts texts, Clock clock) {
        this.actors = actors;
        this.candidates = candidates;
        this.files = files;
        this.texts = texts;
        this.clock = clock;
    }

    @GetMapping
    public CandidateList candidates(@RequestParam(required = false) Pathway pathway,
                                    @RequestParam(required = false) String within,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                    LocalDate asOf,
                                    @RequestParam(required = false) String page,
                                    @RequestParam(required = false) String size) {
        requirePathway(pathway);
        Period window = PathwayCandidates.window(within);
        // Those who meet the pathway now come first: the order is the list's own, only the paging is asked.
        PageRequest paging = ListPaging.of(page, size);
        int pageNumber = paging.number();
        int pageSize = paging.size();
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        LocalDate until = day.plus(window);
        List<CandidateList.Candidate> found = candidates.all(tenant(), pathway, day, until);
        int from = (int) Math.min((long) pageNumber * pageSize, found.size());
        int to = Math.min(from + pageSize, found.size());
        return new CandidateList(pathway, texts.label("pathway", pathway), day, window, until, pageNumber, pageSize,
                found.size(), List.copyOf(found.subList(from, to)));
    }

    /** Every candidate (same filters as the list, all pages) as a CSV file. */
    @GetMapping("/export.csv")
    public ResponseEntity<byte[]> csv(@RequestParam(required = false) Pathway pathway,
                                      @RequestParam(required = false) String within,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                      LocalDate asOf, HttpServletRequest request) {
        Export export = export(pathway, within, asOf, request);
        return SpreadsheetFiles.csv(export.name(), export.rows());
    }

    /** Every candidate (same filters as the list, all pages) as an XLSX file. */
    @GetMapping("/export.xlsx")
    public ResponseEntity<byte[]> xlsx(@RequestParam(required = false) Pathway pathway,
                                       @RequestParam(required = false) String within,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                       LocalDate asOf, HttpServletRequest request) {
        Export export = export(pathway, within, asOf, request);
        return SpreadsheetFiles.xlsx(export.name(), export.rows(), CandidateFiles.HEAD_ROWS);
    }

    private record Export(String name, List<List<String>> rows) {
    }

    private Export export(Pathway pathway, String within, LocalDate asOf, HttpServletRequest request) {
        requirePathway(pathway);
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        LocalDate until = day.plus(PathwayCandidates.window(within));
        List<CandidateList.Candidate> found = candidates.all(tenant(), pathway, day, until);
        AuditInterceptor.shows(request, found.stream().map(CandidateList.Candidate::recordId).toList());
        return new Export(CandidateFiles.name(pathway, day), files.rows(tenant(), pathway, day, until, found));
    }

    private static void requirePathway(Pathway pathway) {
        if (pathway == null) {
            throw new InvalidInputException("pathway", "candidates.pathway-required");
        }
    }

    private String tenant() {
        return actors.require().tenant().value();
    }
}
