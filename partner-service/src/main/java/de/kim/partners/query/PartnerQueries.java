package de.kim.partners.query;

/** The queries partner-service answers from its read models; every one is bound to a tenant. */
public final class PartnerQueries {

    private PartnerQueries() {
    }

    /** Partners of a tenant, optionally serving a field of action and a town. */
    public record FindPartnersQuery(String tenant, String fieldOfAction, String town) {
    }

    /** One partner. */
    public record FindPartnerQuery(String tenant, String partnerId) {
    }

    /** Active offers by field, town (or online), language, and whether a place is free. */
    public record FindOffersQuery(String tenant, String fieldOfAction, String town, String language,
                                  boolean availableOnly) {
    }

    /** One offer of a tenant. */
    public record FindOfferQuery(String tenant, String offerId) {
    }

    /** A partner's referral inbox, optionally by status. */
    public record FindInboxQuery(String tenant, String partnerId, String status) {
    }

    /** One referral of a tenant. */
    public record FindReferralQuery(String tenant, String referralId) {
    }
}
