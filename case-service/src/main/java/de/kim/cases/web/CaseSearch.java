package de.kim.cases.web;

import de.kim.cases.command.CaseNumbers;
import de.kim.platform.privacy.BlindIndex;
import de.kim.platform.domain.InvalidInputException;
import org.springframework.stereotype.Component;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the search of the case list ({@code q}): each word is an Aktenzeichen ({@code KIM-2026-00042},
 * also {@code kim-2026-42}), a date of birth ({@code 12.04.1990} or {@code 1990-04-12}) or the
 * beginning of a family or given name; a case is found when it matches every word. Names and dates
 * become blind-index tokens ({@link BlindIndex}), never plain text in a query.
 */
@Component
class CaseSearch {

    static final int MAX_WORDS = 6;
    private static final int MAX_LENGTH = 200;
    private static final Pattern CASE_NUMBER = Pattern.compile("(?i)KIM-(\\d{4})-(\\d{1,9})");
    private static final Pattern GERMAN_DATE = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    private final BlindIndex index;

    CaseSearch(BlindIndex index) {
        this.index = index;
    }

    /** What a search asks for: at most one case number, and tokens the case must all hold. */
    record Terms(String caseNumber, List<String> tokens) {
    }

    Terms read(String tenant, String q) {
        if (q == null || q.isBlank()) {
            return new Terms(null, List.of());
        }
        String[] words = q.trim().split("\\s+");
        if (words.length > MAX_WORDS || q.length() > MAX_LENGTH) {
            throw new InvalidInputException("q", "case.search.too-long", MAX_WORDS);
        }
        String caseNumber = null;
        List<String> tokens = new ArrayList<>();
        for (String word : words) {
            Matcher number = CASE_NUMBER.matcher(word);
            if (number.matches()) {
                String found = CaseNumbers.format(Integer.parseInt(number.group(1)), Long.parseLong(number.group(2)));
                if (caseNumber != null && !caseNumber.equals(found)) {
                    throw new InvalidInputException("q", "case.search.case-numbers");
                }
                caseNumber = found;
            } else if (GERMAN_DATE.matcher(word).matches() || ISO_DATE.matcher(word).matches()) {
                tokens.add(index.dateOfBirthToken(tenant, date(word)));
            } else {
                // "O'Neil" searches for "neil": a single letter beside a longer part is passed over.
                List<String> names = BlindIndex.words(word).stream()
                        .filter(name -> name.length() >= BlindIndex.SHORTEST_WORD).toList();
                if (names.isEmpty()) {
                    throw new InvalidInputException("q", "case.search.too-short");
                }
                names.forEach(name -> tokens.add(index.nameToken(tenant, name)));
            }
        }
        return new Terms(caseNumber, tokens);
    }

    private static LocalDate date(String word) {
        Matcher german = GERMAN_DATE.matcher(word);
        try {
            if (german.matches()) {
                return LocalDate.of(Integer.parseInt(german.group(3)), Integer.parseInt(german.group(2)),
                        Integer.parseInt(german.group(1)));
            }
            return LocalDate.parse(word.toLowerCase(Locale.ROOT));
        } catch (DateTimeException noSuchDay) {
            throw new InvalidInputException("q", "case.search.date-invalid");
        }
    }
}
