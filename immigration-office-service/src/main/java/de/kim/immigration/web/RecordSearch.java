package de.kim.immigration.web;

import de.kim.immigration.command.RecordIdentity;
import de.kim.immigration.privacy.RecordSearchIndex;
import de.kim.platform.domain.InvalidInputException;
import de.kim.platform.privacy.BlindIndex;
import org.springframework.stereotype.Component;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the search of the record list ({@code q}): the whole text as an Aktenzeichen (found when it
 * matches exactly, case and runs of spaces aside), or else each word as a date of birth
 * ({@code 12.04.1990} or {@code 1990-04-12}) or the beginning of a family or given name, all of which
 * must match. Everything becomes blind-index tokens ({@link BlindIndex}), never plain text in a query.
 */
@Component
class RecordSearch {

    static final int MAX_WORDS = 6;
    private static final int MAX_LENGTH = 200;
    private static final Pattern GERMAN_DATE = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    private final BlindIndex index;

    RecordSearch(BlindIndex index) {
        this.index = index;
    }

    /** What a search asks for: tokens the record must all hold, or (either) the token of a whole Aktenzeichen. */
    record Terms(List<String> tokens, String fileNumberToken) {
    }

    Terms read(String tenant, String q) {
        if (q == null || q.isBlank()) {
            return new Terms(List.of(), null);
        }
        String[] words = q.strip().split("\\s+");
        if (words.length > MAX_WORDS || q.length() > MAX_LENGTH) {
            throw new InvalidInputException("q", "residence.search.too-long", MAX_WORDS);
        }
        String fileNumberToken = RecordIdentity.couldBeFileNumber(q)
                ? index.wholeValueToken(tenant,
                RecordSearchIndex.FILE_NUMBER, RecordIdentity.normalFileNumber(q)) : null;
        List<String> tokens = new ArrayList<>();
        for (String word : words) {
            if (GERMAN_DATE.matcher(word).matches() || ISO_DATE.matcher(word).matches()) {
                tokens.add(index.dateOfBirthToken(tenant, date(word)));
                continue;
            }
            List<String> names = BlindIndex.words(word).stream()
                    .filter(name -> name.length() >= BlindIndex.SHORTEST_WORD).toList();
            if (names.isEmpty() || word.chars().anyMatch(Character::isDigit)) {
                if (fileNumberToken == null) {
                    throw new InvalidInputException("q", "residence.search.too-short");
                }
                return new Terms(List.of(), fileNumberToken); // not a name: only the Aktenzeichen can match
            }
            names.forEach(name -> tokens.add(index.nameToken(tenant, name)));
        }
        return new Terms(tokens, fileNumberToken);
    }

    private static LocalDate date(String word) {
        Matcher german = GERMAN_DATE.matcher(word);
        try {
            if (german.matches()) {
                return LocalDate.of(Integer.parseInt(german.group(3)), Integer.parseInt(german.group(2)),
                        Integer.parseInt(german.group(1)));
            }
            return LocalDate.parse(word);
        } catch (DateTimeException noSuchDay) {
            throw new InvalidInputException("q", "residence.search.date-invalid");
        }
    }
}
