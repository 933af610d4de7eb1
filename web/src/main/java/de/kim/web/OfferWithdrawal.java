package de.kim.web;

import org.springframework.http.HttpMethod;

/**
 * Withdrawing an offer, for partner staff (their own offers) and the administration alike:
 * partner-service takes no body, and the offer lists show only active offers, so the page
 * that follows waits until the offer's read model is no longer active.
 */
final class OfferWithdrawal {

    private OfferWithdrawal() {
    }

    static Api.Answer send(Api api, String partnerId, String offerId) {
        Api.Answer answer = api.send(HttpMethod.POST, "/api/partners/" + partnerId + "/offers/" + offerId + "/withdrawal",
                null);
        if (answer.ok()) {
            api.awaitUntil("/api/offers/" + offerId, offer -> !offer.path("active").asBoolean(true));
        }
        return answer;
    }
}
