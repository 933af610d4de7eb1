package de.kim.immigration.web;

import de.kim.immigration.api.Pathway;
import de.kim.platform.web.StaffNames;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The candidate list as rows for a CSV or XLSX file, for the office's own procedure: a short head (the pathway,
 * the day and the end of the period) and one row per candidate, all in words of the reader's language (German by
 * default), dates as tt.mm.jjjj; no code, no record id and no user id.
 */
@Component
class CandidateFiles {

    /** The rows before the candidates: pathway, day, end of the period, an empty row and the column titles. */
    static final int HEAD_ROWS = 5;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final String KEY = "candidates.file.";

    private final MessageSource messages;
    private final ScreeningTexts texts;
    private final StaffNames officers;

    CandidateFiles(MessageSource messages, ScreeningTexts texts, StaffNames officers) {
        this.messages = messages;
        this.texts = texts;
        this.officers = officers;
    }

    /**
     * The file's name without extension, e.g. {@code kandidaten-25b-2026-12-06} (§ 25b AufenthG) or
     * {@code kandidaten-stag10-…}: short enough to name the workbook's sheet too (at most 31 characters).
     */
    static String name(Pathway pathway, LocalDate day) {
        return "kandidaten-" + pathway.name().toLowerCase(Locale.ROOT).replace("aufenthg_", "").replace("_", "")
                + "-" + day;
    }

    /** The officer of each candidate by the name they sign in with ({@link StaffNames}), never by user id. */
    List<List<String>> rows(String tenant, Pathway pathway, LocalDate day, LocalDate until,
                            List<CandidateList.Candidate> candidates) {
        Map<String, String> officerNames = officers.of(tenant);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(word("pathway"), texts.label("pathway", pathway) + " (" + texts.label("pathway-basis", pathway) + ")"));
        rows.add(List.of(word("as-of"), DAY.format(day)));
        rows.add(List.of(word("until"), DAY.format(until)));
        rows.add(List.of());
        rows.add(List.of(word("record"), word("officer"), word("status"), word("state"), word("date"),
                word("missing"), word("to-check"), word("rule-set")));
        for (CandidateList.Candidate c : candidates) {
            rows.add(List.of(c.record() == null ? word("unnamed") : c.record(),
                    c.officer() == null ? word("no-officer") : officerNames.getOrDefault(c.officer(), word("officer-unknown")),
                    c.currentStatusLabel() == null ? "" : c.currentStatusLabel(),
                    word(c.meetsNow() ? "meets-now" : "meets-by"), DAY.format(c.meetsBy()),
                    requirements(c.missing()), requirements(c.toCheck()),
                    c.ruleSet() == null ? "" : texts.label("pathway-basis", pathway) + ", "
                            + message("rule-set-version", c.ruleSet().version(), DAY.format(c.ruleSet().effectiveFrom()))));
        }
        return rows;
    }

    private String requirements(List<PathwaysResponse.RequirementLine> lines) {
        return lines.isEmpty() ? word("nothing") : lines.stream().map(PathwaysResponse.RequirementLine::requirement)
                .collect(Collectors.joining("; "));
    }

    private String word(String key) {
        return message(key);
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(KEY + key, arguments, LocaleContextHolder.getLocale());
    }
}
