package de.kim.immigration.command;

import de.kim.platform.domain.InvalidInputException;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules for what identifies a record's person: family and given names, the Aktenzeichen of
 * the Ausländerbehörde (free format of letters, digits, {@code . / -} and spaces) and the optional
 * AZR number (12 digits). Bad input is refused with a 400 and changes nothing.
 */
public final class RecordIdentity {

    public static final int MAX_NAME = 100;
    private static final Pattern FILE_NUMBER = Pattern.compile("[A-Za-z0-9./ -]{1,40}");
    private static final Pattern AZR_NUMBER = Pattern.compile("\\d{12}");

    private RecordIdentity() {
    }

    public static void check(String familyName, String givenName, String fileNumber, String azrNumber) {
        name("familyName", familyName);
        name("givenName", givenName);
        if (fileNumber == null || fileNumber.isBlank() || !FILE_NUMBER.matcher(fileNumber.strip()).matches()) {
            throw new InvalidInputException("fileNumber", "residence.file-number-invalid");
        }
        if (azrNumber != null && !AZR_NUMBER.matcher(azrNumber).matches()) {
            throw new InvalidInputException("azrNumber", "residence.azr-number-invalid");
        }
    }

    /** The Aktenzeichen as kept and searched: upper case, runs of spaces as one, no spaces around it. */
    public static String normalFileNumber(String fileNumber) {
        return fileNumber.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    /** Whether a search text could be an Aktenzeichen. */
    public static boolean couldBeFileNumber(String text) {
        return FILE_NUMBER.matcher(text.strip()).matches();
    }

    private static void name(String field, String value) {
        if (value == null || value.isBlank() || value.strip().length() > MAX_NAME
                || value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(field, "residence.name-invalid", MAX_NAME);
        }
    }
}
