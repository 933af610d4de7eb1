package de.kim.cases.messaging;

import de.kim.contracts.vocabulary.ContactKind;
import de.kim.contracts.vocabulary.MeasureKind;
import de.kim.contracts.vocabulary.CaseOutcome;
import de.kim.contracts.vocabulary.Priority;
import de.kim.contracts.vocabulary.AccessRoute;
import de.kim.contracts.vocabulary.TargetGroup;
import de.kim.contracts.cases.ReferralMade;
import de.kim.contracts.cases.ReferralWithdrawn;
import de.kim.platform.privacy.Sealed;
import de.kim.cases.api.*;
import de.kim.contracts.Contracts;
import de.kim.contracts.Topics;
import de.kim.contracts.vocabulary.ConsentPurpose;
import de.kim.contracts.vocabulary.DataCategory;
import de.kim.contracts.vocabulary.FieldOfAction;
import de.kim.contracts.vocabulary.LegalDomain;
import de.kim.platform.messaging.IntegrationEvent;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static de.kim.platform.testing.ContractAssertions.assertMatchesFixture;
import static org.assertj.core.api.Assertions.assertThat;

/** The publisher's contract test: every case event that leaves the service has its pinned shape, and no other leaves. */
class CaseIntegrationEventsTest {

    private static final CaseId CASE = new CaseId("case-1");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    /** What the vault makes of a client's data: ciphertext that names no one. */
    private static final Sealed SEALED = new Sealed("case-1", "q83vEjRWeJASNFZ4kBI0VniQEjRWeJASNFZ4kBI0Vng=");
    /** What the vault makes of a text typed about the client. */
    private static final Sealed TEXT = new Sealed("case-1", "7mQ2lLk9pXw0cNd3RbE5tYu8iOa1sDf4gHj6kLz=");

    private final CaseIntegrationEvents mapper = new CaseIntegrationEvents();

    private final List<Object> published = List.of(
            new CaseOpenedEvent(CASE, "kreis-mettmann", "KIM-2026-00042", SEALED, "Velbert", TargetGroup.FAMILIES, AccessRoute.SELF, "cm-anna", DAY),
            new CaseClosedEvent(CASE, CaseOutcome.GOALS_REACHED, TEXT, DAY),
            new CaseReopenedEvent(CASE, TEXT, DAY),
            new CaseHandedOverEvent(CASE, "cm-anna", "cm-ben", null),
            new NeedAssessedEvent(CASE, new NeedId("n"), FieldOfAction.LANGUAGE, Priority.HIGH, TEXT, DAY),
            new NeedResolvedEvent(CASE, new NeedId("n"), FieldOfAction.LANGUAGE, DAY),
            new GoalAchievedEvent(CASE, new GoalId("g"), FieldOfAction.LANGUAGE, DAY),
            new ReferralMadeEvent(CASE, new ReferralId("r"), "p", "o", new NeedId("n"), FieldOfAction.LANGUAGE,
                    new ConsentId("c"), Set.of(DataCategory.IDENTITY), SEALED, TEXT, DAY),
            new ClientErasedEvent(CASE, "kreis-mettmann", ErasureGround.LAWFUL_REQUEST, TEXT, DAY),
            new ReferralWithdrawnEvent(CASE, new ReferralId("r"), "p", TEXT),
            new ConsentRevokedEvent(CASE, new ConsentId("c"), "p", DAY),
            new DoubleFundingWarnedEvent(CASE, new MeasureId("m2"), new MeasureId("m1"), MeasureKind.LANGUAGE_COURSE,
                    LegalDomain.AUFENTHG, LegalDomain.SGB_II),
            new LegalDomainsChangedEvent(CASE, Set.of(LegalDomain.ASYLBLG), Set.of(LegalDomain.SGB_II), DAY),
            new ThemeTaggedEvent(CASE, "OTHER", TEXT),
            new AchievementSharedEvent(CASE, "record-7", new AchievementId("a"),
                    de.kim.contracts.vocabulary.AchievementKind.LANGUAGE_CERTIFICATE, "B1", DAY, new ConsentId("c")),
            new StatusCheckRequestedEvent(CASE, new StatusCheckId("s"), "record-7", new ConsentId("c"), DAY),
            new ResidenceRecordLinkedEvent(CASE, "record-7"),
            new SharedAchievementsWithdrawnEvent(CASE, new ConsentId("c"), "record-7", List.of(new AchievementId("a")),
                    DAY),
            new ClientRectifiedEvent(CASE, SEALED, "Hilden", 2, List.of(new ClientRectifiedEvent.SharedCopy("p",
                    new ConsentId("c"), Set.of(DataCategory.IDENTITY, DataCategory.CONTACT), SEALED)), DAY),
            new ContactRecordedEvent(CASE, new ContactId("k"), DAY, ContactKind.HOME_VISIT, 90, TEXT, TEXT, TEXT));

    @Test
    void a_correction_carries_each_partners_copy_sealed_and_a_contact_only_its_counts() {
        de.kim.contracts.cases.ClientDataRectified rectified = (de.kim.contracts.cases.ClientDataRectified) mapper.map(
                published.get(published.size() - 2)).orElseThrow().data();
        assertThat(rectified.copies()).containsExactly(new de.kim.contracts.cases.ClientDataRectified.Copy("p", "c",
                List.of("CONTACT", "IDENTITY"), SEALED.data()));
        assertThat(rectified.town()).isEqualTo("Hilden");
        assertThat(mapper.map(published.get(published.size() - 1)).orElseThrow().data()).isEqualTo(
                new de.kim.contracts.cases.ContactRecorded("case-1", "k", "HOME_VISIT", 90, true, DAY));
        assertThat(mapper.map(new WorkItemDoneEvent(CASE, "case-1:consent:c", DAY))).isEmpty();
    }

    @Test
    void an_expired_consent_travels_as_a_revocation_with_its_reason() {
        IntegrationEvent expired = mapper.map(new ConsentExpiredEvent(CASE, new ConsentId("c"), "p", DAY)).orElseThrow();
        assertMatchesFixture(expired);
        assertThat(expired.data()).isEqualTo(new de.kim.contracts.cases.ConsentRevoked("case-1", "c", "p", DAY,
                de.kim.contracts.cases.ConsentRevoked.EXPIRED));
        assertThat(mapper.map(new ConsentRevokedEvent(CASE, new ConsentId("c"), "p", DAY)).orElseThrow().data())
                .isEqualTo(new de.kim.contracts.cases.ConsentRevoked("case-1", "c", "p", DAY,
                        de.kim.contracts.cases.ConsentRevoked.REVOKED));
        assertThat(mapper.map(new MarkedEntrustedEvent(CASE, EntrustedItem.NEED, "n", DAY))).isEmpty();
    }

    @Test
    void every_published_case_event_has_the_shape_of_its_fixture() {
        for (Object event : published) {
            IntegrationEvent integration = mapper.map(event).orElseThrow(() -> new AssertionError(event + " not published"));
            assertMatchesFixture(integration);
        }
        assertThat(published.stream().map(e -> mapper.map(e).orElseThrow().type()).distinct())
                .containsExactlyInAnyOrderElementsOf(Contracts.ALL.stream()
                        .filter(c -> c.topic().equals(Topics.CASE)).map(Contracts.Contract::type).toList());
    }

    @Test
    void internal_events_and_free_text_stay_in_the_service() {
        assertThat(mapper.map(new ConsentRecordedEvent(CASE, new ConsentId("c"), "p", Set.of(ConsentPurpose.REFERRAL),
                Set.of(DataCategory.IDENTITY), ConsentForm.WRITTEN, DAY, DAY.plusYears(1), null))).isEmpty();
        assertThat(mapper.map(new FollowUpScheduledEvent(CASE, new FollowUpId("f"), DAY, TEXT, "cm-anna"))).isEmpty();
        assertThat(mapper.map(new ThemeTaggedEvent(CASE, "OTHER", TEXT)).orElseThrow().data())
                .hasToString("ThemeTagged[caseId=case-1, themeCode=OTHER]");
    }

    @Test
    void a_status_check_request_names_the_record_and_the_case_but_not_the_consent_or_the_person() {
        IntegrationEvent request = mapper.map(new StatusCheckRequestedEvent(CASE, new StatusCheckId("s"), "record-7",
                new ConsentId("c"), DAY)).orElseThrow();
        assertThat(request.data()).hasToString(
                "StatusCheckRequested[caseId=case-1, residenceRecordId=record-7, statusCheckId=s, requestedOn=2026-11-02]");
    }

    @Test
    void a_referrals_note_and_a_withdrawals_reason_travel_sealed() {
        ReferralMade made = (ReferralMade) mapper.map(published.get(7)).orElseThrow().data();
        assertThat(made.sealedNote()).isEqualTo(TEXT.data());
        ReferralWithdrawn withdrawn = (ReferralWithdrawn) mapper.map(published.get(9)).orElseThrow().data();
        assertThat(withdrawn.sealedReason()).isEqualTo(TEXT.data());
    }

    @Test
    void a_text_stored_before_sealing_does_not_go_out() {
        Sealed legacy = new Sealed("case-1", de.kim.cases.privacy.CaseTexts.UNSEALED + "Bitte zurückrufen");
        ReferralWithdrawn withdrawn = (ReferralWithdrawn) mapper.map(new ReferralWithdrawnEvent(CASE,
                new ReferralId("r"), "p", legacy)).orElseThrow().data();
        assertThat(withdrawn.sealedReason()).isNull();
    }

    @Test
    void a_referral_carries_only_the_released_client_data_and_no_other_event_any() {
        IntegrationEvent opened = mapper.map(published.get(0)).orElseThrow();
        assertThat(opened.data().toString()).doesNotContain("Amina", "Beispiel", "1990-04-12", "example.org");
    }
}
