package de.kim.steering.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import de.kim.contracts.EventType;
import de.kim.contracts.cases.CaseClosed;
import de.kim.contracts.cases.CaseHandedOver;
import de.kim.contracts.cases.CaseOpened;
import de.kim.contracts.cases.CaseReopened;
import de.kim.contracts.cases.DoubleFundingWarned;
import de.kim.contracts.cases.GoalAchieved;
import de.kim.contracts.cases.LegalDomainsChanged;
import de.kim.contracts.cases.NeedAssessed;
import de.kim.contracts.cases.NeedResolved;
import de.kim.contracts.cases.ReferralMade;
import de.kim.contracts.cases.ReferralWithdrawn;
import de.kim.contracts.cases.ThemeTagged;
import de.kim.contracts.cases.ContactRecorded;
import de.kim.contracts.cases.ClientDataRectified;
import de.kim.contracts.immigration.ResidenceStatusProgressed;
import de.kim.contracts.partners.OfferPublished;
import de.kim.contracts.partners.OfferWithdrawn;
import de.kim.contracts.partners.PartnerDeactivated;
import de.kim.contracts.partners.PartnerRegistered;
import de.kim.contracts.partners.ReferralAccepted;
import de.kim.contracts.partners.ReferralCompleted;
import de.kim.contracts.partners.ReferralDeclined;
import de.kim.platform.messaging.ReceivedEvent;
import de.kim.platform.messaging.UnprocessableRecordException;

import java.util.List;
import java.util.Map;

/**
 * The fields steering's facts are keyed and dated by, per event type: a record without one
 * could never be applied (it would fail on every retry, or make a fact without a key), so it is
 * refused before anything is written ({@link UnprocessableRecordException}: to the dead-letter
 * topic; a rebuild counts it as unreadable).
 */
public final class FactRecordChecks {

    private static final Map<EventType, List<String>> REQUIRED = Map.ofEntries(
            Map.entry(CaseOpened.TYPE, List.of("caseId", "openedOn")),
            Map.entry(CaseClosed.TYPE, List.of("caseId", "closedOn")),
            Map.entry(CaseReopened.TYPE, List.of("caseId")),
            Map.entry(CaseHandedOver.TYPE, List.of("caseId")),
            Map.entry(LegalDomainsChanged.TYPE, List.of("caseId", "since", "previous", "current")),
            Map.entry(NeedAssessed.TYPE, List.of("caseId", "needId")),
            Map.entry(NeedResolved.TYPE, List.of("caseId", "needId")),
            Map.entry(GoalAchieved.TYPE, List.of("caseId", "achievedOn")),
            Map.entry(DoubleFundingWarned.TYPE, List.of("caseId")),
            Map.entry(ThemeTagged.TYPE, List.of("caseId")),
            Map.entry(ContactRecorded.TYPE, List.of("caseId", "kind", "contactOn")),
            Map.entry(ClientDataRectified.TYPE, List.of("caseId")),
            Map.entry(ReferralMade.TYPE, List.of("caseId", "referralId", "madeOn")),
            Map.entry(ReferralWithdrawn.TYPE, List.of("referralId")),
            Map.entry(ReferralAccepted.TYPE, List.of("referralId")),
            Map.entry(ReferralDeclined.TYPE, List.of("referralId")),
            Map.entry(ReferralCompleted.TYPE, List.of("referralId")),
            Map.entry(PartnerRegistered.TYPE, List.of("partnerId")),
            Map.entry(PartnerDeactivated.TYPE, List.of("partnerId")),
            Map.entry(OfferPublished.TYPE, List.of("offerId")),
            Map.entry(OfferWithdrawn.TYPE, List.of("offerId")),
            Map.entry(ResidenceStatusProgressed.TYPE, List.of("recordId", "validFrom")));

    private FactRecordChecks() {
    }

    /** Refuses a record of a type steering applies that lacks a field it needs. */
    public static void check(ReceivedEvent event) {
        for (Map.Entry<EventType, List<String>> type : REQUIRED.entrySet()) {
            if (event.is(type.getKey())) {
                for (String field : type.getValue()) {
                    JsonNode value = event.envelope().data().path(field);
                    if (value.isMissingNode() || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
                        throw new UnprocessableRecordException(event.envelope().type() + " " + event.envelope().id()
                                + ": missing " + field);
                    }
                }
                return;
            }
        }
    }
}
