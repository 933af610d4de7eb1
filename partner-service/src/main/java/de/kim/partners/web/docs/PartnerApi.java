package de.kim.partners.web.docs;

import de.kim.partners.query.InboxReferral;
import de.kim.partners.query.OfferView;
import de.kim.partners.query.PartnerView;
import de.kim.partners.web.PartnerRequests;
import de.kim.platform.web.ListPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;

import java.util.Map;

/**
 * The OpenAPI documentation of partner-service: the Netzwerkpartner, their offers (Angebote)
 * and their inbox of referrals (Verweisungen). The example bodies are invented.
 */
@Tag(name = "Netzwerkpartner", description = "Network partners (Jobcenter, Jugendamt, Migrationsberatung, language "
        + "course providers, …), their offers and the referrals case management sends them.")
public interface PartnerApi {

    String PARTNER = """
            {"name": "Sprachschule Rheinland gGmbH", "kind": "LANGUAGE_COURSE_PROVIDER",
             "legalDomains": ["SGB_II", "ASYLBLG"], "fieldsOfAction": ["LANGUAGE"], "towns": ["Hilden", "Haan"],
             "contact": {"person": "Frau Beispiel", "email": "kurse@sprachschule.example", "phone": "02103 123456"},
             "agreement": {"signedOn": "2026-01-15", "validUntil": "2027-12-31"}}""";

    @Operation(summary = "Register a Netzwerkpartner",
            description = "For the Kommunales Integrationszentrum: registers a partner organisation with its "
                    + "Rechtskreise, the Handlungsfelder it works in, the towns it serves, a contact person and the "
                    + "cooperation agreement. Answers the partner's id, and its address in `Location`.",
            requestBody = @RequestBody(content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(name = "Sprachkursträger", value = PARTNER))))
    @ApiResponse(responseCode = "201", description = "Registered; the body holds the partner's `id`.")
    ResponseEntity<Map<String, String>> register(PartnerRequests.Partner body);

    @Operation(summary = "Update a Netzwerkpartner, or register it under a chosen id",
            description = "Replaces the partner's data. If no partner has this id yet, registers it under it: the id "
                    + "the identity provider binds partner staff to can be chosen before the partner exists.",
            requestBody = @RequestBody(content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(name = "Sprachkursträger", value = PARTNER))))
    @ApiResponse(responseCode = "204", description = "Updated.")
    @ApiResponse(responseCode = "201", description = "Registered under this id.")
    ResponseEntity<Map<String, String>> update(String id, PartnerRequests.Partner body);

    @Operation(summary = "Deactivate a Netzwerkpartner",
            description = "Ends the cooperation: the partner receives no new referrals and its offers are no longer "
                    + "found; referrals under way stay answerable.",
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "Kooperation beendet", value = """
                            {"reason": "Kooperationsvereinbarung zum 31.12. ausgelaufen"}"""))))
    @ApiResponse(responseCode = "204", description = "Deactivated.")
    @ApiResponse(responseCode = "409", description = "The partner is inactive already.")
    ResponseEntity<Void> deactivate(String id, PartnerRequests.Deactivate body);

    @Operation(summary = "Find Netzwerkpartner",
            description = "The Kommune's partners, a page at a time, optionally those working in a Handlungsfeld "
                    + "(`field`, e.g. `LANGUAGE`) or serving a town. Paging: `page` (from 0), `size` (1 to 200, "
                    + "default 50), `sort` one of `name` (default, A to Z) or `kind`, each with `,asc` or `,desc`. "
                    + "Answers `{items, total, page, size}`.")
    @ApiResponse(responseCode = "200", description = "One page of the partners, and how many match in all.")
    @ApiResponse(responseCode = "400", description = "The Handlungsfeld is unknown, or a paging parameter is not valid; "
            + "the problem names it, in German.")
    ListPage<PartnerView> partners(String field, String town, String page, String size, String sort);

    @Operation(summary = "Read a Netzwerkpartner", description = "One partner with its Rechtskreise, Handlungsfelder, "
            + "towns, contact and cooperation agreement.")
    @ApiResponse(responseCode = "200", description = "The partner.")
    @ApiResponse(responseCode = "404", description = "No such partner in the Kommune.")
    PartnerView partner(String id);

    @Operation(summary = "Publish an offer",
            description = "A partner publishes an offer (Angebot) with its Handlungsfeld, languages, town (or online), "
                    + "target groups and capacity (free places), so that case managers find it for their clients. "
                    + "Partner staff publish for their own partner only.",
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "Integrationskurs mit Kinderbetreuung", value = """
                            {"title": "Integrationskurs B1 mit Kinderbetreuung", "fieldOfAction": "LANGUAGE",
                             "languages": ["de", "ar", "uk"], "town": "Hilden", "online": false,
                             "targetGroups": ["FAMILIES"], "capacity": 12}"""))))
    @ApiResponse(responseCode = "201", description = "Published; the body holds the offer's `id`.")
    @ApiResponse(responseCode = "422", description = "The partner is deactivated (`offers_need_an_active_partner`).")
    ResponseEntity<Map<String, String>> publish(String id, PartnerRequests.Offer body);

    @Operation(summary = "Change an offer's capacity",
            description = "Sets the number of free places of an offer; at 0 the offer is full and shows as a gap in "
                    + "steering when clients need it.",
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "drei Plätze frei", value = """
                            {"capacity": 3}"""))))
    @ApiResponse(responseCode = "204", description = "Changed.")
    @ApiResponse(responseCode = "409", description = "The offer is withdrawn.")
    ResponseEntity<Void> capacity(String id, String offerId, PartnerRequests.Capacity body);

    @Operation(summary = "Withdraw an offer",
            description = "The partner no longer runs the offer: it is no longer found; referrals to it under way "
                    + "stay answerable.")
    @ApiResponse(responseCode = "204", description = "Withdrawn.")
    @ApiResponse(responseCode = "409", description = "The offer is withdrawn already.")
    ResponseEntity<Void> withdraw(String id, String offerId);

    @Operation(summary = "Find offers",
            description = "The case manager's search \"where can I send this client?\": offers of active partners, "
                    + "a page at a time, optionally in a Handlungsfeld (`field`), in a town (or online), in a language "
                    + "(ISO code, e.g. `ar`), only those with free places (`available=true`), and of one partner "
                    + "(`partner`, its id). Paging: `page` (from 0), `size` (1 to 200, default 50), `sort` one of "
                    + "`freePlaces` (default, most first, ties by title), `title`, `partnerName`, `town`, each with `,asc` or "
                    + "`,desc`. "
                    + "Answers `{items, total, page, size}`.")
    @ApiResponse(responseCode = "200", description = "One page of the offers, and how many match in all.")
    @ApiResponse(responseCode = "400", description = "The Handlungsfeld is unknown, or a paging parameter is not valid; "
            + "the problem names it, in German.")
    ListPage<OfferView> offers(String field, String town, String language, boolean available, String partner,
                               String page, String size, String sort);

    @Operation(summary = "Read an offer", description = "One offer with its partner, languages, place and capacity.")
    @ApiResponse(responseCode = "200", description = "The offer.")
    @ApiResponse(responseCode = "404", description = "No such offer in the Kommune.")
    OfferView offer(String id);

    @Operation(summary = "A partner's inbox of referrals",
            description = "The referrals (Verweisungen) case management sent to this partner, optionally by `status` "
                    + "(e.g. `RECEIVED`, `ACCEPTED`). Of the client, each shows only what the client's consent "
                    + "(Schweigepflichtentbindung) for this partner covers. Partner staff see their own partner's "
                    + "inbox only; each referral shown is logged. Paging: `page` (from 0), `size` (1 to 200, default "
                    + "50), `sort` one of `madeOn` (default, newest first) or `status`, each with `,asc` or `,desc`. "
                    + "Answers `{items, total, page, size}`.")
    @ApiResponse(responseCode = "200", description = "One page of the referrals, and how many match in all.")
    @ApiResponse(responseCode = "400", description = "A paging parameter is not valid; the problem names it, in German.")
    @ApiResponse(responseCode = "404", description = "No such partner, or not the user's own partner.")
    ListPage<InboxReferral> inbox(String id, String status, String page, String size, String sort);

    @Operation(summary = "Read a referral",
            description = "One referral in the partner's inbox, with what the consent lets the partner see of the "
                    + "client. The read is logged.")
    @ApiResponse(responseCode = "200", description = "The referral.")
    @ApiResponse(responseCode = "404", description = "No such referral for the user's partner.")
    InboxReferral referral(String id);

    @Operation(summary = "Accept a referral",
            description = "The partner takes the client on: a place of the offer is taken and case management learns "
                    + "it. The body is optional; `overrideCapacity: true` takes a place beyond the capacity, on "
                    + "record.",
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "über die Kapazität hinaus", value = """
                            {"overrideCapacity": true}"""))))
    @ApiResponse(responseCode = "204", description = "Accepted.")
    @ApiResponse(responseCode = "404", description = "No such referral for the user's partner.")
    @ApiResponse(responseCode = "409", description = "Answered already, or the offer has no free place left "
            + "(accept with `overrideCapacity` to take one anyway).")
    ResponseEntity<Void> accept(String id, PartnerRequests.Accept body);

    @Operation(summary = "Decline a referral",
            description = "The partner cannot take the client on, with a reason (e.g. `NO_CAPACITY`, `NOT_ELIGIBLE`) "
                    + "and an optional comment for the case manager.",
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "keine Plätze", value = """
                            {"reason": "NO_CAPACITY", "comment": "Nächster Kurs beginnt im September."}"""))))
    @ApiResponse(responseCode = "204", description = "Declined.")
    @ApiResponse(responseCode = "404", description = "No such referral for the user's partner.")
    @ApiResponse(responseCode = "409", description = "The referral is answered already.")
    ResponseEntity<Void> decline(String id, PartnerRequests.Decline body);

    @Operation(summary = "Complete a referral",
            description = "The client's time with the partner ended, with its result (`GOAL_REACHED`, "
                    + "`PARTIALLY_REACHED`, `DROPPED_OUT`, `OTHER`); case management sees it in the case.",
            requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "Ziel erreicht", value = """
                            {"result": "GOAL_REACHED", "comment": "B1-Prüfung bestanden."}"""))))
    @ApiResponse(responseCode = "204", description = "Completed.")
    @ApiResponse(responseCode = "404", description = "No such referral for the user's partner.")
    @ApiResponse(responseCode = "409", description = "The referral was not accepted.")
    ResponseEntity<Void> complete(String id, PartnerRequests.Complete body);
}
