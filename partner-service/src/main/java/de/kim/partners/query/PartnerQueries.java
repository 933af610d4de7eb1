package de.kim.partners.query;

import de.kim.platform.web.PageRequest;
import java.util.List;

/** The queries partner-service answers from its read models; every one is bound to a tenant. */
public final class PartnerQueries {

    private PartnerQueries() {
    }

    /** One page of the partners of a tenant, optionally serving a field of action and a town. */
    public record FindPartnersQuery(String tenant, String fieldOfAction, String town, PageRequest page) {
    }

    /** One partner. */
    public record FindPartnerQuery(String tenant, String partnerId) {
    }

    /**
     * One page of the active offers by field, town (or online), language, whether a place is free, and
     * of which partner.
     */
    public record FindOffersQuery(String tenant, String fieldOfAction, String town, String language,
                                  boolean availableOnly, String partnerId, PageRequest page) {
    }

    /** One offer of a tenant. */
    public record FindOfferQuery(String tenant, String offerId) {
    }

    /** One page of a partner's referral inbox, optionally by status. */
    public record FindInboxQuery(String tenant, String partnerId, String status, PageRequest page) {
    }

    /** One referral of a tenant. */
    public record FindReferralQuery(String tenant, String referralId) {
    }

    /** A page of partners and how many match in all. */
    public record PartnerPage(List<PartnerView> partners, long total) {
    }

    /** A page of offers and how many match in all. */
    public record OfferPage(List<OfferView> offers, long total) {
    }

    /** A page of a partner's referrals and how many match in all. */
    public record InboxPage(List<InboxReferral> referrals, long total) {
    }
}
