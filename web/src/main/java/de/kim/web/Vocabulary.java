package de.kim.web;

import de.kim.contracts.vocabulary.AccessRoute;
import de.kim.contracts.vocabulary.AchievementKind;
import de.kim.contracts.vocabulary.Body;
import de.kim.contracts.vocabulary.CaseOutcome;
import de.kim.contracts.vocabulary.ConsentPurpose;
import de.kim.contracts.vocabulary.ContactKind;
import de.kim.contracts.vocabulary.DataCategory;
import de.kim.contracts.vocabulary.DeclineReason;
import de.kim.contracts.vocabulary.Direction;
import de.kim.contracts.vocabulary.FieldOfAction;
import de.kim.contracts.vocabulary.HandoverReason;
import de.kim.contracts.vocabulary.LegalDomain;
import de.kim.contracts.vocabulary.MeasureKind;
import de.kim.contracts.vocabulary.MeasureStatus;
import de.kim.contracts.vocabulary.MemberRole;
import de.kim.contracts.vocabulary.Metric;
import de.kim.contracts.vocabulary.PartnerKind;
import de.kim.contracts.vocabulary.PathwayKind;
import de.kim.contracts.vocabulary.PathwayProspect;
import de.kim.contracts.vocabulary.Priority;
import de.kim.contracts.vocabulary.ReferralResult;
import de.kim.contracts.vocabulary.ResidenceStatusKind;
import de.kim.contracts.vocabulary.TargetGroup;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * The codes the forms offer, from the contracts' vocabulary, in the order the enums declare
 * them; the labels are in the messages ({@code code.<CODE>}).
 */
@ControllerAdvice
public class Vocabulary {

    /** The vocabulary the pages show, each enum whole (a page may show a code no form offers). */
    static final List<Class<? extends Enum<?>>> ENUMS = List.of(TargetGroup.class, AccessRoute.class,
            FieldOfAction.class, Priority.class, ConsentPurpose.class, DataCategory.class, LegalDomain.class,
            MeasureKind.class, AchievementKind.class, CaseOutcome.class, DeclineReason.class, ReferralResult.class,
            PartnerKind.class, MeasureStatus.class, Metric.class, Direction.class, Body.class,
            ResidenceStatusKind.class, PathwayKind.class, PathwayProspect.class, HandoverReason.class, ContactKind.class,
            MemberRole.class);

    /** Set by the platform when a referral cannot be received; no person chooses them. */
    private static final EnumSet<DeclineReason> PLATFORM_DECLINE_REASONS =
            EnumSet.of(DeclineReason.PARTNER_INACTIVE, DeclineReason.OFFER_UNAVAILABLE);

    static final Map<String, List<String>> CODES = Map.ofEntries(
            Map.entry("targetGroup", all(TargetGroup.class)),
            Map.entry("accessRoute", all(AccessRoute.class)),
            Map.entry("field", all(FieldOfAction.class)),
            Map.entry("priority", all(Priority.class)),
            Map.entry("purpose", all(ConsentPurpose.class)),
            Map.entry("category", all(DataCategory.class)),
            Map.entry("legalDomain", all(LegalDomain.class)),
            Map.entry("measure", all(MeasureKind.class)),
            Map.entry("achievement", all(AchievementKind.class)),
            Map.entry("outcome", all(CaseOutcome.class)),
            Map.entry("declineReason", names(EnumSet.complementOf(PLATFORM_DECLINE_REASONS))),
            Map.entry("result", all(ReferralResult.class)),
            Map.entry("partnerKind", all(PartnerKind.class)),
            Map.entry("statusType", all(ResidenceStatusKind.class)),
            Map.entry("pathway", all(PathwayKind.class)),
            Map.entry("prospect", all(PathwayProspect.class)),
            Map.entry("handoverReason", all(HandoverReason.class)),
            Map.entry("measureStatus", all(MeasureStatus.class)),
            Map.entry("metric", all(Metric.class)),
            Map.entry("direction", all(Direction.class)),
            Map.entry("decisionBody", all(Body.class)),
            Map.entry("memberRole", all(MemberRole.class)),
            Map.entry("contactKind", all(ContactKind.class)));

    @ModelAttribute("codes")
    public Map<String, List<String>> codes() {
        return CODES;
    }

    private static <E extends Enum<E>> List<String> all(Class<E> vocabulary) {
        return names(EnumSet.allOf(vocabulary));
    }

    private static List<String> names(Collection<? extends Enum<?>> codes) {
        return codes.stream().map(Enum::name).toList();
    }
}
