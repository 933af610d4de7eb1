package de.kim.partners.web;

import de.kim.contracts.vocabulary.FieldOfAction;
import de.kim.contracts.vocabulary.LegalDomain;
import de.kim.contracts.vocabulary.DeclineReason;
import de.kim.contracts.vocabulary.PartnerKind;
import de.kim.contracts.vocabulary.ReferralResult;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.Set;

/** The bodies of partner-service's requests. */
public final class PartnerRequests {

    private PartnerRequests() {
    }

    /** {@code POST /api/partners} and {@code PUT /api/partners/{id}}. */
    public record Partner(@NotBlank @Size(max = 200) String name, @NotNull PartnerKind kind,
                          @NotEmpty Set<@NotNull LegalDomain> legalDomains,
                          @NotEmpty Set<@NotNull FieldOfAction> fieldsOfAction,
                          @NotEmpty Set<@NotBlank String> towns, @Valid Contact contact, @Valid Agreement agreement) {
    }

    /** Whom to contact at the partner. */
    public record Contact(@Size(max = 200) String person, @Email @Size(max = 200) String email,
                          @Size(max = 40) @Pattern(regexp = "[0-9 +()/-]*") String phone) {
    }

    /** The cooperation agreement. */
    public record Agreement(@NotNull LocalDate signedOn, LocalDate validUntil) {
    }

    /** {@code POST /api/partners/{id}/deactivation}. */
    public record Deactivate(@NotBlank @Size(max = 500) String reason) {
    }

    /** {@code POST /api/partners/{id}/offers}: a town of the Kommune, or online. */
    public record Offer(@NotBlank @Size(max = 200) String title, @NotNull FieldOfAction fieldOfAction,
                        Set<@Pattern(regexp = "[a-z]{2,3}") String> languages, @Size(max = 100) String town,
                        boolean online, Set<@Size(max = 40) String> targetGroups,
                        @NotNull @PositiveOrZero @Max(100_000) Integer capacity) {
    }

    /** {@code PUT /api/partners/{id}/offers/{offerId}/capacity}. */
    public record Capacity(@NotNull @PositiveOrZero @Max(100_000) Integer capacity) {
    }

    /** {@code POST /api/referrals/{id}/accept}: {@code overrideCapacity} takes a place beyond capacity, on record. */
    public record Accept(boolean overrideCapacity) {
    }

    /** {@code POST /api/referrals/{id}/decline}. */
    public record Decline(@NotNull DeclineReason reason, @Size(max = 1000) String comment) {
    }

    /** {@code POST /api/referrals/{id}/complete}. */
    public record Complete(@NotNull ReferralResult result, @Size(max = 1000) String comment) {
    }
}
