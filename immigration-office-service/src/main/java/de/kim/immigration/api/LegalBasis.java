package de.kim.immigration.api;

import java.util.regex.Pattern;

/** How a legal basis is written (e.g. {@code § 25b AufenthG}, {@code § 25 Abs. 3 AufenthG}) and compared. */
public final class LegalBasis {

    /** A section, optionally with paragraph, sentence and number, optionally followed by the law. */
    public static final String FORMAT =
            "§ \\d{1,3}[a-z]?( Abs\\. \\d{1,2}[a-z]?)?( Satz \\d{1,2})?( Nr\\. \\d{1,2}[a-z]?)?( (AufenthG|AsylG|StAG))?";
    private static final Pattern PATTERN = Pattern.compile(FORMAT);

    private LegalBasis() {
    }

    public static boolean valid(String text) {
        return text != null && PATTERN.matcher(text).matches();
    }

    /** The legal basis with its law named; a bare section of a residence permit is one of the AufenthG. */
    public static String withLaw(String section, ResidenceStatusType type) {
        if (section.endsWith("AufenthG") || section.endsWith("AsylG") || section.endsWith("StAG")) {
            return section;
        }
        return section + (type == ResidenceStatusType.EINBUERGERUNG ? " StAG" : " AufenthG");
    }

    /** Whether the legal basis is the given section or a paragraph of it ("§ 25 Abs. 3" is in "§ 25"). */
    public static boolean isSection(String legalBasis, String section) {
        return legalBasis != null && (legalBasis.equals(section) || legalBasis.startsWith(section + " "));
    }
}
