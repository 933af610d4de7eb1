package de.kim.cases.web;

import de.kim.contracts.vocabulary.CaseOutcome;
import de.kim.cases.api.ConsentForm;
import de.kim.contracts.vocabulary.ContactKind;
import de.kim.cases.api.ErasureGround;
import de.kim.contracts.vocabulary.MeasureKind;
import de.kim.contracts.vocabulary.Priority;
import de.kim.contracts.vocabulary.AchievementKind;
import de.kim.contracts.vocabulary.ConsentPurpose;
import de.kim.contracts.vocabulary.DataCategory;
import de.kim.contracts.vocabulary.FieldOfAction;
import de.kim.contracts.vocabulary.LegalDomain;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** The bodies of the case manager's requests that change a case (besides opening it). */
public final class CaseRequests {

    static final String ID = "[A-Za-z0-9._@-]{1,64}";

    private CaseRequests() {
    }

    /** {@code POST /api/cases/{id}/consents}; recipient is a partner id or {@code immigration-office}. */
    public record RecordConsent(@NotBlank @Pattern(regexp = ID) String recipient,
                                @NotEmpty Set<@NotNull ConsentPurpose> purposes,
                                @NotEmpty Set<@NotNull DataCategory> dataCategories,
                                @NotNull ConsentForm form, @NotNull LocalDate givenOn, @NotNull LocalDate validUntil,
                                @Size(max = 200) String evidenceReference) {
    }

    /**
     * {@code POST /api/cases/{id}/contacts}: a counselling contact; {@code interpreterLanguage} the ISO 639
     * code of the language an interpreter translated into, if one took part; {@code entrusted}: anvertraut
     * (§ 65 SGB VIII).
     */
    public record RecordContact(@NotNull LocalDate contactOn, @NotNull ContactKind kind,
                                @NotNull @Min(1) @Max(1440) Integer durationMinutes,
                                @Pattern(regexp = "[a-z]{2,3}") String interpreterLanguage,
                                @Size(max = 500) String participants, @Size(max = 4000) String note,
                                Boolean entrusted) {
    }

    /** {@code POST /api/cases/{id}/needs}; {@code entrusted}: anvertraut (§ 65 SGB VIII), it never leaves case management. */
    public record AssessNeed(@NotNull FieldOfAction fieldOfAction, @NotNull Priority priority,
                             @Size(max = 2000) String description, Boolean entrusted) {
    }

    /** {@code PUT /api/cases/{id}/needs/{needId}}. */
    public record UpdateNeed(@NotNull Priority priority, @Size(max = 2000) String description) {
    }

    /** {@code PUT /api/cases/{id}/plan}: the goals agreed with the client. */
    public record AgreePlan(@NotNull LocalDate agreedOn, @NotEmpty @Size(max = 50) List<@Valid @NotNull Goal> goals) {
    }

    /** A goal of the plan; a known {@code id} keeps the goal, none makes a new one. */
    public record Goal(@Pattern(regexp = ID) String id, @NotNull FieldOfAction fieldOfAction,
                       @NotBlank @Size(max = 500) String description, @NotNull LocalDate targetDate) {
    }

    /** {@code POST …/plan/goals/{goalId}/achievement}. */
    public record AchieveGoal(@NotNull LocalDate achievedOn) {
    }

    /** A reason, for dropping, withdrawing or reopening. */
    public record Reason(@NotBlank @Size(max = 500) String reason) {
    }

    /** {@code POST /api/cases/{id}/referrals}. */
    public record MakeReferral(@NotBlank @Pattern(regexp = ID) String partnerId,
                               @NotBlank @Pattern(regexp = ID) String offerId,
                               @NotBlank @Pattern(regexp = ID) String needId, @Size(max = 1000) String note) {
    }

    /** {@code POST /api/cases/{id}/measures}; {@code entrusted}: anvertraut (§ 65 SGB VIII). */
    public record RecordMeasure(@NotNull MeasureKind kind, @NotBlank @Pattern(regexp = ID) String needId,
                                @NotNull LegalDomain fundedBy, @NotNull LocalDate from, @NotNull LocalDate to,
                                @Size(max = 200) String provider, Boolean entrusted) {
    }

    /** {@code POST …/measures/{measureId}/confirmation}: why the measure stands despite the warning. */
    public record ConfirmMeasure(@NotBlank @Size(max = 1000) String justification) {
    }

    /** {@code POST /api/cases/{id}/legal-domains}. */
    public record ChangeLegalDomains(@NotEmpty Set<@NotNull LegalDomain> legalDomains, @NotNull LocalDate since) {
    }

    /** {@code POST /api/cases/{id}/follow-ups}; without an assignee the case's case manager. */
    public record ScheduleFollowUp(@NotNull LocalDate dueOn, @NotBlank @Size(max = 300) String subject,
                                   @Pattern(regexp = ID) String assignee) {
    }

    /** {@code POST /api/cases/{id}/themes}: a code of the managed list, or free text. */
    public record TagTheme(@Pattern(regexp = "[A-Z_]{2,64}") String themeCode, @Size(max = 300) String freeText) {
    }

    /** {@code PUT /api/cases/{id}/residence-record}: the client's record at the immigration office. */
    public record LinkResidenceRecord(@NotBlank @Pattern(regexp = ID) String residenceRecordId) {
    }

    /** {@code POST /api/cases/{id}/achievements}; {@code level} (A1 to C2) for a language certificate only; {@code entrusted}: never shared with the immigration office. */
    public record RecordAchievement(@NotNull AchievementKind kind, @Pattern(regexp = "[ABC][12]") String level,
                                    @NotNull LocalDate achievedOn, Boolean entrusted) {
    }

    /** {@code POST /api/cases/{id}/erasure}: the ground and a reference (e.g. the request's file number). */
    public record Erasure(@NotNull ErasureGround ground, @NotBlank @Size(max = 200) String reference) {
    }

    /** {@code PUT /api/cases/{id}/legal-hold} and {@code PUT /api/cases/{id}/dispute}. */
    public record ErasureBlockState(@NotNull Boolean active, @NotBlank @Size(max = 500) String reason) {
    }

    /** {@code POST /api/cases/{id}/handover}. */
    public record HandOver(@NotBlank @Pattern(regexp = ID) String toCaseManager, @Size(max = 1000) String note) {
    }

    /** {@code POST /api/cases/{id}/closure}. */
    public record Close(@NotNull CaseOutcome outcome, @Size(max = 1000) String note) {
    }
}
