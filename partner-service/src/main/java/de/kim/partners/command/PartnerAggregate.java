package de.kim.partners.command;

import de.kim.contracts.vocabulary.DeclineReason;
import de.kim.partners.api.*;
import de.kim.platform.config.TenantDirectory;
import de.kim.platform.domain.Actor;
import de.kim.platform.domain.ConflictException;
import de.kim.platform.domain.InvalidInputException;
import de.kim.platform.domain.NotFoundException;
import de.kim.platform.domain.RuleViolationException;
import de.kim.platform.domain.TenantId;
import de.kim.platform.privacy.PersonalDataVault;
import de.kim.platform.privacy.Sealed;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A network partner with its offers and its referral inbox. Offers and referrals live in the
 * partner's aggregate so that taking a place is checked against the offer's capacity in one
 * consistent step. Its identifier is tenant and partner id together: each tenant has its own
 * partner ids. Free text about a client (decline and completion comments, the reason of a
 * withdrawal) is sealed with the client's key (subject: the case id) before it is applied.
 */
@Aggregate(snapshotTriggerDefinition = "partnerSnapshotTrigger", snapshotFilter = "partnerSnapshotFilter",
        commandTargetResolver = PartnerCommandTargets.BEAN)
@Revision(PartnerAggregate.SNAPSHOT_REVISION)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class PartnerAggregate {

    /**
     * The form of a partner's snapshot (its fields, as Jackson writes them). Snapshots of another
     * revision are not used: the partner is loaded from its events instead. Revision 1 (no
     * revision) had no fields at all, which is why snapshots were switched off for a while;
     * revision 2 had no tenant-scoped key.
     */
    public static final String SNAPSHOT_REVISION = "3";

    /** Tenant and partner id: partner ids are unique per tenant ({@link PartnerCommandTargets}). */
    @AggregateIdentifier
    private String key;
    private PartnerId id;
    private String tenant;
    private boolean active;
    private final Map<OfferId, Offer> offers = new HashMap<>();
    private final Map<ReferralId, Referral> referrals = new HashMap<>();

    private record Offer(int capacity, int placesTaken, boolean active) {
        boolean full() {
            return placesTaken >= capacity;
        }
    }

    enum Status { RECEIVED, ACCEPTED, DECLINED, COMPLETED, WITHDRAWN, REFUSED }

    /** A referral in one of these has ended: after the grace period its shared data goes. */
    private static final Set<Status> ENDED = Set.of(Status.DECLINED, Status.COMPLETED, Status.WITHDRAWN);

    private record Referral(String caseId, OfferId offerId, String consentId, Status status, boolean hasClientData,
                            boolean reminded) {
        Referral with(Status next) {
            return new Referral(caseId, offerId, consentId, next, hasClientData, reminded);
        }
    }

    protected PartnerAggregate() {
        // for Axon
    }

    @CommandHandler
    public PartnerAggregate(RegisterPartnerCommand c, @MetaDataValue(Actor.TENANT) String tenant,
                            TenantDirectory tenants) {
        PartnerRules.validate(tenant, tenants, c.towns(), c.agreement());
        apply(new PartnerRegisteredEvent(c.partnerId(), tenant, c.name(), c.kind(), Set.copyOf(c.legalDomains()),
                Set.copyOf(c.fieldsOfAction()), Set.copyOf(c.towns()), c.contact(), c.agreement()));
    }

    @CommandHandler
    void handle(UpdatePartnerCommand c, @MetaDataValue(Actor.TENANT) String tenant, TenantDirectory tenants) {
        requireActivePartnerOf(tenant);
        PartnerRules.validate(tenant, tenants, c.towns(), c.agreement());
        apply(new PartnerUpdatedEvent(id, c.name(), c.kind(), Set.copyOf(c.legalDomains()),
                Set.copyOf(c.fieldsOfAction()), Set.copyOf(c.towns()), c.contact(), c.agreement()));
    }

    @CommandHandler
    void handle(DeactivatePartnerCommand c, @MetaDataValue(Actor.TENANT) String tenant) {
        requirePartnerOf(tenant);
        if (!active) {
            throw new ConflictException("partner.inactive");
        }
        apply(new PartnerDeactivatedEvent(id, c.reason()));
    }

    @CommandHandler
    void handle(PublishOfferCommand c, @MetaDataValue(Actor.TENANT) String tenant, TenantDirectory tenants) {
        requirePartnerOf(tenant);
        if (!active) {
            throw new RuleViolationException("offers_need_an_active_partner", "partner.offer.partner-inactive");
        }
        if (offers.containsKey(c.offerId())) {
            throw new ConflictException("partner.offer.exists");
        }
        PartnerRules.requireCapacity(c.capacity());
        if (!c.online() && (c.town() == null || !tenants.servesTown(new TenantId(tenant), c.town()))) {
            throw new InvalidInputException("town", "partner.town-unknown", String.valueOf(c.town()));
        }
        apply(new OfferPublishedEvent(id, c.offerId(), c.title(), c.fieldOfAction(), Set.copyOf(c.languages()),
                c.online() ? null : c.town(), c.online(), Set.copyOf(c.targetGroups()), c.capacity()));
    }

    @CommandHandler
    void handle(ChangeOfferCapacityCommand c, @MetaDataValue(Actor.TENANT) String tenant) {
        requirePartnerOf(tenant);
        Offer offer = activeOffer(c.offerId());
        PartnerRules.requireCapacity(c.capacity());
        apply(new OfferCapacityChangedEvent(id, c.offerId(), c.capacity(), offer.placesTaken()));
    }

    @CommandHandler
    void handle(WithdrawOfferCommand c, @MetaDataValue(Actor.TENANT) String tenant) {
        requirePartnerOf(tenant);
        activeOffer(c.offerId());
        apply(new OfferWithdrawnEvent(id, c.offerId()));
    }

    /** A referral from case management; the same referral delivered again changes nothing. */
    @CommandHandler
    void handle(ReceiveReferralCommand c, @MetaDataValue(Actor.TENANT) String tenant) {
        requirePartnerOf(tenant);
        if (referrals.containsKey(c.referralId())) {
            return;
        }
        Offer offer = offers.get(c.offerId());
        if (!active || offer == null || !offer.active()) {
            apply(new ReferralRefusedEvent(id, c.referralId(), c.caseId(),
                    active ? DeclineReason.OFFER_UNAVAILABLE : DeclineReason.PARTNER_INACTIVE));
            return;
        }
        apply(new ReferralReceivedEvent(id, c.referralId(), c.caseId(), c.offerId(), c.fieldOfAction(), c.consentId(),
                Set.copyOf(c.sharedCategories()), c.client(), c.note(), c.madeOn()));
    }

    @CommandHandler
    void handle(AcceptReferralCommand c, @MetaDataValue(Actor.TENANT) String tenant) {
        requirePartnerOf(tenant);
        Referral referral = awaitingAnswer(c.referralId());
        Offer offer = offers.get(referral.offerId());
        if (offer.full() && !c.overrideCapacity()) {
            throw new ConflictException("partner.referral.capacity-exhausted", offer.capacity());
        }
        apply(new ReferralAcceptedEvent(id, c.referralId(), referral.caseId(), referral.offerId(), offer.full(),
                offer.placesTaken() + 1));
    }

    @CommandHandler
    void handle(DeclineReferralCommand c, @MetaDataValue(Actor.TENANT) String tenant, PersonalDataVault vault) {
        requirePartnerOf(tenant);
        Referral referral = awaitingAnswer(c.referralId());
        if (c.reason() == DeclineReason.PARTNER_INACTIVE || c.reason() == DeclineReason.OFFER_UNAVAILABLE) {
            throw new InvalidInputException("reason", "partner.referral.reason-reserved");
        }
        apply(new ReferralDeclinedEvent(id, c.referralId(), referral.caseId(), c.reason(),
                sealed(vault, referral.caseId(), c.comment())));
    }

    @CommandHandler
    void handle(CompleteReferralCommand c, @MetaDataValue(Actor.TENANT) String tenant, PersonalDataVault vault) {
        requirePartnerOf(tenant);
        Referral referral = referral(c.referralId());
        if (referral.status() != Status.ACCEPTED) {
            throw new ConflictException("partner.referral.not-accepted");
        }
        apply(new ReferralCompletedEvent(id, c.referralId(), referral.caseId(), referral.offerId(), c.result(),
                sealed(vault, referral.caseId(), c.comment()), offers.get(referral.offerId()).placesTaken() - 1));
    }

    /** Case management withdrew the referral; a repeated or late withdrawal changes nothing. */
    @CommandHandler
    void handle(WithdrawReferralCommand c, @MetaDataValue(Actor.TENANT) String tenant, PersonalDataVault vault) {
        requirePartnerOf(tenant);
        Referral referral = referrals.get(c.referralId());
        if (referral == null || (referral.status() != Status.RECEIVED && referral.status() != Status.ACCEPTED)) {
            return;
        }
        apply(new ReferralWithdrawnEvent(id, c.referralId(), referral.caseId(), sealed(vault, referral.caseId(), c.reason()),
                referral.status() == Status.ACCEPTED));
    }

    /** A consent ended (revoked or expired): the client's data received under it is emptied from the partner's view. */
    @CommandHandler
    void handle(EraseSharedClientDataCommand c, @MetaDataValue(Actor.TENANT) String tenant) {
        requirePartnerOf(tenant);
        List<ReferralId> affected = holdingClientData(c.caseId(), c.consentId());
        if (!affected.isEmpty()) {
            apply(new SharedClientDataErasedEvent(id, c.caseId(), c.consentId(), affected));
        }
    }

    /**
     * Case management corrected the client's data: the referrals holding it under the consent get the
     * correction. Those whose data already went (consent ended, grace period passed) stay empty.
     */
    @CommandHandler
    void handle(RectifySharedClientDataCommand c, @MetaDataValue(Actor.TENANT) String tenant) {
        requirePartnerOf(tenant);
        List<ReferralId> affected = holdingClientData(c.caseId(), c.consentId());
        if (!affected.isEmpty()) {
            apply(new SharedClientDataRectifiedEvent(id, c.caseId(), c.consentId(), affected, c.client()));
        }
    }

    /**
     * The grace period after the referral ended has passed: the client's data received with it goes;
     * ids, codes and the status stay. A referral still running, or without data, changes nothing.
     */
    @CommandHandler
    void handle(EraseEndedReferralDataCommand c, @MetaDataValue(Actor.TENANT) String tenant) {
        requirePartnerOf(tenant);
        Referral referral = referrals.get(c.referralId());
        if (referral == null || !referral.hasClientData() || !ENDED.contains(referral.status())) {
            return;
        }
        apply(new SharedClientDataErasedEvent(id, referral.caseId(), referral.consentId(), List.of(c.referralId())));
    }

    @CommandHandler
    void handle(RemindReferralCommand c, @MetaDataValue(Actor.TENANT) String tenant) {
        requirePartnerOf(tenant);
        Referral referral = referrals.get(c.referralId());
        if (referral != null && referral.status() == Status.RECEIVED && !referral.reminded()) {
            apply(new ReferralReminderRaisedEvent(id, c.referralId(), referral.caseId(), c.daysWaiting()));
        }
    }

    /**
     * Free text about the client, sealed with the client's key; none for no text, and none once
     * the client is erased (nothing new is sealed for an erased person, so the text is dropped).
     */
    private Sealed sealed(PersonalDataVault vault, String caseId, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (vault.isOf(tenant, caseId) && !vault.holdsKeyOf(caseId)) {
            return null;
        }
        return vault.seal(tenant, caseId, text);
    }

    /** The referrals that still hold the client's data received for the case under the consent, in id order. */
    private List<ReferralId> holdingClientData(String caseId, String consentId) {
        return referrals.entrySet().stream()
                .filter(e -> e.getValue().hasClientData() && e.getValue().caseId().equals(caseId)
                        && consentId.equals(e.getValue().consentId()))
                .map(Map.Entry::getKey).sorted((a, b) -> a.value().compareTo(b.value())).toList();
    }

    private void requirePartnerOf(String actingTenant) {
        if (!tenant.equals(actingTenant)) {
            throw new NotFoundException("partner.not-found");
        }
    }

    private void requireActivePartnerOf(String actingTenant) {
        requirePartnerOf(actingTenant);
        if (!active) {
            throw new ConflictException("partner.inactive");
        }
    }

    private Offer activeOffer(OfferId offerId) {
        Offer offer = offers.get(offerId);
        if (offer == null) {
            throw new NotFoundException("partner.offer.not-found");
        }
        if (!offer.active()) {
            throw new ConflictException("partner.offer.withdrawn");
        }
        return offer;
    }

    private Referral referral(ReferralId referralId) {
        Referral referral = referrals.get(referralId);
        if (referral == null || referral.status() == Status.REFUSED) {
            throw new NotFoundException("partner.referral.not-found");
        }
        return referral;
    }

    private Referral awaitingAnswer(ReferralId referralId) {
        Referral referral = referral(referralId);
        if (referral.status() != Status.RECEIVED) {
            throw new ConflictException("partner.referral.already-answered");
        }
        return referral;
    }

    @EventSourcingHandler
    void on(PartnerRegisteredEvent e) {
        key = PartnerCommandTargets.key(e.tenant(), e.partnerId());
        id = e.partnerId();
        tenant = e.tenant();
        active = true;
    }

    @EventSourcingHandler
    void on(PartnerDeactivatedEvent e) {
        active = false;
    }

    @EventSourcingHandler
    void on(OfferPublishedEvent e) {
        offers.put(e.offerId(), new Offer(e.capacity(), 0, true));
    }

    @EventSourcingHandler
    void on(OfferCapacityChangedEvent e) {
        Offer o = offers.get(e.offerId());
        offers.put(e.offerId(), new Offer(e.capacity(), o.placesTaken(), o.active()));
    }

    @EventSourcingHandler
    void on(OfferWithdrawnEvent e) {
        Offer o = offers.get(e.offerId());
        offers.put(e.offerId(), new Offer(o.capacity(), o.placesTaken(), false));
    }

    @EventSourcingHandler
    void on(ReferralReceivedEvent e) {
        referrals.put(e.referralId(), new Referral(e.caseId(), e.offerId(), e.consentId(), Status.RECEIVED,
                e.client() != null, false));
    }

    @EventSourcingHandler
    void on(ReferralRefusedEvent e) {
        referrals.put(e.referralId(), new Referral(e.caseId(), null, null, Status.REFUSED, false, false));
    }

    @EventSourcingHandler
    void on(ReferralAcceptedEvent e) {
        referrals.computeIfPresent(e.referralId(), (k, r) -> r.with(Status.ACCEPTED));
        placesTaken(e.offerId(), e.placesTaken());
    }

    @EventSourcingHandler
    void on(ReferralDeclinedEvent e) {
        referrals.computeIfPresent(e.referralId(), (k, r) -> r.with(Status.DECLINED));
    }

    @EventSourcingHandler
    void on(ReferralCompletedEvent e) {
        referrals.computeIfPresent(e.referralId(), (k, r) -> r.with(Status.COMPLETED));
        placesTaken(e.offerId(), e.placesTaken());
    }

    @EventSourcingHandler
    void on(ReferralWithdrawnEvent e) {
        Referral r = referrals.get(e.referralId());
        referrals.put(e.referralId(), r.with(Status.WITHDRAWN));
        if (e.placeFreed()) {
            Offer o = offers.get(r.offerId());
            placesTaken(r.offerId(), o.placesTaken() - 1);
        }
    }

    @EventSourcingHandler
    void on(SharedClientDataErasedEvent e) {
        for (ReferralId referralId : e.referralIds()) {
            Referral r = referrals.get(referralId);
            referrals.put(referralId, new Referral(r.caseId(), r.offerId(), r.consentId(), r.status(), false,
                    r.reminded()));
        }
    }

    @EventSourcingHandler
    void on(ReferralReminderRaisedEvent e) {
        Referral r = referrals.get(e.referralId());
        referrals.put(e.referralId(), new Referral(r.caseId(), r.offerId(), r.consentId(), r.status(),
                r.hasClientData(), true));
    }

    private void placesTaken(OfferId offerId, int taken) {
        Offer o = offers.get(offerId);
        offers.put(offerId, new Offer(o.capacity(), taken, o.active()));
    }
}
