package de.kim.contracts.vocabulary;

/** Why a partner declines a referral (or why it could not be received). */
public enum DeclineReason {
    NO_CAPACITY,
    NOT_ELIGIBLE,
    CLIENT_NOT_REACHED,
    CLIENT_DECLINED,
    OFFER_NOT_SUITABLE,
    PARTNER_INACTIVE,
    OFFER_UNAVAILABLE,
    OTHER
}
