package de.kim.platform.web;

import java.util.regex.Pattern;

/**
 * One cell of a CSV file as a spreadsheet must not misread it. A text that starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return would be taken as a
 * formula (CSV injection: a partner named {@code =HYPERLINK(...)} becomes a link in the
 * steering group's spreadsheet); it gets a leading single quote, as OWASP advises, so the
 * spreadsheet shows it as text. A plain number, negative ones included, stays a number: it
 * cannot run anything, and the spreadsheet must still be able to add it up. "&lt;5" (a
 * suppressed small count) starts with none of these and stays as it is.
 */
final class CsvCell {

    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,15}([.,]\\d{1,15})?");
    private static final Pattern FORMULA_START = Pattern.compile("^[=+\\-@\t\r]");

    private CsvCell() {
    }

    /** The value neutralised, then quoted where the separator, a quote or a line break asks for it. */
    static String of(String value) {
        String text = neutralised(value == null ? "" : value);
        return text.matches("[^;\"\r\n]*") ? text : "\"" + text.replace("\"", "\"\"") + "\"";
    }

    static String neutralised(String text) {
        if (NUMBER.matcher(text).matches() || !FORMULA_START.matcher(text).find()) {
            return text;
        }
        return "'" + text;
    }
}
