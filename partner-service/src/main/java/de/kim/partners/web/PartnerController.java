package de.kim.partners.web;

import de.kim.partners.web.docs.PartnerApi;
import de.kim.platform.audit.Audited;
import de.kim.partners.api.*;
import de.kim.partners.query.InboxReferral;
import de.kim.partners.query.OfferView;
import de.kim.partners.query.PartnerQueries.*;
import de.kim.partners.query.PartnerView;
import de.kim.platform.domain.InvalidInputException;
import de.kim.platform.domain.NotFoundException;
import de.kim.platform.domain.Actor;
import de.kim.platform.domain.Role;
import de.kim.platform.web.ListPage;
import de.kim.platform.web.ListPaging;
import de.kim.platform.web.PageRequest;
import de.kim.platform.web.RequestActorResolver;
import org.axonframework.modelling.command.AggregateNotFoundException;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Network partners, their offers and inboxes: the partner's own API, and the case manager's
 * search "where can I send this client?".
 */
@RestController
public class PartnerController implements PartnerApi {

    private static final String ID = "[A-Za-z0-9._@-]{1,64}";
    /** What the partner list sorts by, the default first: by name, A to Z. */
    static final List<String> PARTNERS_SORTABLE = List.of("name", "kind");
    /**
     * What the offer search sorts by, the default first: the most free places first (where a client can
     * go now), ties by title.
     */
    static final List<String> OFFERS_SORTABLE = List.of("freePlaces", "title", "partnerName", "town");
    /** What an inbox sorts by, the default first: the newest referral leads. */
    static final List<String> INBOX_SORTABLE = List.of("madeOn", "status");

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final RequestActorResolver actors;

    public PartnerController(CommandGateway commands, QueryGateway queries, RequestActorResolver actors) {
        this.commands = commands;
        this.queries = queries;
        this.actors = actors;
    }

    @PostMapping("/api/partners")
    public ResponseEntity<Map<String, String>> register(@Valid @RequestBody PartnerRequests.Partner body) {
        PartnerId id = PartnerId.random();
        commands.sendAndWait(new RegisterPartnerCommand(id, body.name(), body.kind(), body.legalDomains(),
                body.fieldsOfAction(), body.towns(), contact(body.contact()), agreement(body.agreement())));
        return created(id.value(), "/api/partners/{id}", id.value());
    }

    /**
     * Updates the partner, or registers it under this id if there is none yet: the id an
     * identity provider binds partner staff to can be chosen before the partner exists.
     */
    @PutMapping("/api/partners/{id}")
    public ResponseEntity<Map<String, String>> update(@PathVariable String id,
                                                      @Valid @RequestBody PartnerRequests.Partner body) {
        PartnerId partnerId = partnerId(id);
        try {
            commands.sendAndWait(new UpdatePartnerCommand(partnerId, body.name(), body.kind(), body.legalDomains(),
                    body.fieldsOfAction(), body.towns(), contact(body.contact()), agreement(body.agreement()), null));
            return ResponseEntity.noContent().build();
        } catch (AggregateNotFoundException unknown) {
            commands.sendAndWait(new RegisterPartnerCommand(partnerId, body.name(), body.kind(), body.legalDomains(),
                    body.fieldsOfAction(), body.towns(), contact(body.contact()), agreement(body.agreement())));
            return created(id, "/api/partners/{id}", id);
        }
    }

    @PostMapping("/api/partners/{id}/deactivation")
    public ResponseEntity<Void> deactivate(@PathVariable String id, @Valid @RequestBody PartnerRequests.Deactivate body) {
        commands.sendAndWait(new DeactivatePartnerCommand(partnerId(id), body.reason()));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/partners")
    public ListPage<PartnerView> partners(@RequestParam(required = false) String field,
                                          @RequestParam(required = false) String town,
                                          @RequestParam(required = false) String page,
                                          @RequestParam(required = false) String size,
                                          @RequestParam(required = false) String sort) {
        PageRequest paging = ListPaging.of(page, size, sort, PARTNERS_SORTABLE, false);
        PartnerPage found = queries.query(new FindPartnersQuery(tenant(), field(field), town, paging),
                ResponseTypes.instanceOf(PartnerPage.class)).join();
        return new ListPage<>(found.partners(), found.total(), paging.number(), paging.size());
    }

    @GetMapping("/api/partners/{id}")
    public PartnerView partner(@PathVariable String id) {
        return queries.query(new FindPartnerQuery(tenant(), id), ResponseTypes.optionalInstanceOf(PartnerView.class))
                .join().orElseThrow(() -> new NotFoundException("partner.not-found"));
    }

    @PostMapping("/api/partners/{id}/offers")
    public ResponseEntity<Map<String, String>> publish(@PathVariable String id,
                                                       @Valid @RequestBody PartnerRequests.Offer body) {
        requireOwnPartner(id);
        OfferId offerId = OfferId.random();
        commands.sendAndWait(new PublishOfferCommand(partnerId(id), offerId, body.title(), body.fieldOfAction(),
                body.languages() == null ? Set.of() : body.languages(), body.town(), body.online(),
                body.targetGroups() == null ? Set.of() : body.targetGroups(), body.capacity()));
        return created(offerId.value(), "/api/offers/{offerId}", offerId.value());
    }

    @PutMapping("/api/partners/{id}/offers/{offerId}/capacity")
    public ResponseEntity<Void> capacity(@PathVariable String id, @PathVariable String offerId,
                                         @Valid @RequestBody PartnerRequests.Capacity body) {
        requireOwnPartner(id);
        commands.sendAndWait(new ChangeOfferCapacityCommand(partnerId(id), new OfferId(offerId), body.capacity()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/partners/{id}/offers/{offerId}/withdrawal")
    public ResponseEntity<Void> withdraw(@PathVariable String id, @PathVariable String offerId) {
        requireOwnPartner(id);
        commands.sendAndWait(new WithdrawOfferCommand(partnerId(id), new OfferId(offerId)));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/offers")
    public ListPage<OfferView> offers(@RequestParam(required = false) String field,
                                      @RequestParam(required = false) String town,
                                      @RequestParam(required = false) String language,
                                      @RequestParam(defaultValue = "false") boolean available,
                                      @RequestParam(required = false) String partner,
                                      @RequestParam(required = false) String page,
                                      @RequestParam(required = false) String size,
                                      @RequestParam(required = false) String sort) {
        PageRequest paging = ListPaging.of(page, size, sort, OFFERS_SORTABLE, true);
        OfferPage found = queries.query(new FindOffersQuery(tenant(), field(field), town, language,
                        available, blankToNull(partner), paging),
                ResponseTypes.instanceOf(OfferPage.class)).join();
        return new ListPage<>(found.offers(), found.total(), paging.number(), paging.size());
    }

    @GetMapping("/api/offers/{id}")
    public OfferView offer(@PathVariable String id) {
        return queries.query(new FindOfferQuery(tenant(), id), ResponseTypes.optionalInstanceOf(OfferView.class))
                .join().orElseThrow(() -> new NotFoundException("partner.offer.not-found"));
    }

    @Audited(perItem = true)
    @GetMapping("/api/partners/{id}/referrals")
    public ListPage<InboxReferral> inbox(@PathVariable String id, @RequestParam(required = false) String status,
                                         @RequestParam(required = false) String page,
                                         @RequestParam(required = false) String size,
                                         @RequestParam(required = false) String sort) {
        requireOwnPartner(id);
        partner(id);
        PageRequest paging = ListPaging.of(page, size, sort, INBOX_SORTABLE, true);
        InboxPage found = queries.query(new FindInboxQuery(tenant(), id, status, paging),
                ResponseTypes.instanceOf(InboxPage.class)).join();
        return new ListPage<>(found.referrals(), found.total(), paging.number(), paging.size());
    }

    @Audited
    @GetMapping("/api/referrals/{id}")
    public InboxReferral referral(@PathVariable String id) {
        return queries.query(new FindReferralQuery(tenant(), id), ResponseTypes.optionalInstanceOf(InboxReferral.class))
                .join().filter(found -> ownPartner(found.partnerId()))
                .orElseThrow(() -> new NotFoundException("partner.referral.not-found"));
    }

    @Audited
    @PostMapping("/api/referrals/{id}/accept")
    public ResponseEntity<Void> accept(@PathVariable String id, @RequestBody(required = false) PartnerRequests.Accept body) {
        InboxReferral referral = referral(id);
        commands.sendAndWait(new AcceptReferralCommand(new PartnerId(referral.partnerId()), new ReferralId(id),
                body != null && body.overrideCapacity()));
        return ResponseEntity.noContent().build();
    }

    @Audited
    @PostMapping("/api/referrals/{id}/decline")
    public ResponseEntity<Void> decline(@PathVariable String id, @Valid @RequestBody PartnerRequests.Decline body) {
        InboxReferral referral = referral(id);
        commands.sendAndWait(new DeclineReferralCommand(new PartnerId(referral.partnerId()), new ReferralId(id),
                body.reason(), body.comment()));
        return ResponseEntity.noContent().build();
    }

    @Audited
    @PostMapping("/api/referrals/{id}/complete")
    public ResponseEntity<Void> complete(@PathVariable String id, @Valid @RequestBody PartnerRequests.Complete body) {
        InboxReferral referral = referral(id);
        commands.sendAndWait(new CompleteReferralCommand(new PartnerId(referral.partnerId()), new ReferralId(id),
                body.result(), body.comment()));
        return ResponseEntity.noContent().build();
    }

    private String tenant() {
        return actors.require().tenant().value();
    }

    /** Partner staff work for their own partner only; to them any other partner's data does not exist. */
    private boolean ownPartner(String partnerId) {
        Actor actor = actors.require();
        return !actor.has(Role.PARTNER_STAFF) || actor.partnerId().filter(partnerId::equals).isPresent();
    }

    private void requireOwnPartner(String partnerId) {
        if (!ownPartner(partnerId)) {
            throw new NotFoundException("partner.not-found");
        }
    }

    private static PartnerId partnerId(String id) {
        if (!id.matches(ID)) {
            throw new NotFoundException("partner.not-found");
        }
        return new PartnerId(id);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static String field(String field) {
        if (field == null) {
            return null;
        }
        try {
            return de.kim.contracts.vocabulary.FieldOfAction.valueOf(field).name();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("field", "partner.field.unknown", field);
        }
    }

    private static Contact contact(PartnerRequests.Contact c) {
        return c == null ? null : new Contact(c.person(), c.email(), c.phone());
    }

    private static CooperationAgreement agreement(PartnerRequests.Agreement a) {
        return a == null ? null : new CooperationAgreement(a.signedOn(), a.validUntil());
    }

    private static ResponseEntity<Map<String, String>> created(String id, String path, Object... variables) {
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path(path).buildAndExpand(variables).toUri();
        return ResponseEntity.created(location).body(Map.of("id", id));
    }
}
