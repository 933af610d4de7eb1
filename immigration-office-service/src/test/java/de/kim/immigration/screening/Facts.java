package de.kim.immigration.screening;

import de.kim.immigration.api.AchievementKind;
import de.kim.immigration.api.LanguageLevel;
import de.kim.immigration.api.LegalBasis;
import de.kim.immigration.api.ResidenceStatusType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Builds the facts of an invented person for screening tests. */
final class Facts {

    private LocalDate dateOfBirth = LocalDate.of(1990, 1, 1);
    private boolean minorChild;
    private final List<RecordFacts.StatusFact> statuses = new ArrayList<>();
    private final List<RecordFacts.AchievementFact> achievements = new ArrayList<>();

    static Facts person() {
        return new Facts();
    }

    Facts bornOn(LocalDate day) {
        dateOfBirth = day;
        return this;
    }

    Facts withMinorChild(boolean minorChild) {
        this.minorChild = minorChild;
        return this;
    }

    /** A status from the day until the next one (or open); a section makes it a residence permit's legal basis. */
    Facts status(ResidenceStatusType type, String section, LocalDate from) {
        String legalBasis = section == null ? type.defaultLegalBasis() : LegalBasis.withLaw(section, type);
        statuses.add(new RecordFacts.StatusFact(type, legalBasis, from, null));
        return this;
    }

    Facts status(ResidenceStatusType type, LocalDate from) {
        return status(type, null, from);
    }

    Facts language(LanguageLevel level, LocalDate on) {
        achievements.add(new RecordFacts.AchievementFact(AchievementKind.LANGUAGE_CERTIFICATE, level, on, null, null));
        return this;
    }

    Facts achievement(AchievementKind kind, LocalDate on) {
        achievements.add(new RecordFacts.AchievementFact(kind, null, on, null, null));
        return this;
    }

    Facts pensionMonths(int months, LocalDate on) {
        achievements.add(new RecordFacts.AchievementFact(AchievementKind.PENSION_CONTRIBUTIONS, null, on, null, months));
        return this;
    }

    RecordFacts build() {
        return new RecordFacts(dateOfBirth, minorChild, statuses, achievements);
    }
}
