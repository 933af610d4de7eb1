package de.kim.cases.web;

import de.kim.contracts.vocabulary.AccessRoute;
import de.kim.cases.api.CaseId;
import de.kim.cases.api.ClientProfile;
import de.kim.cases.api.OpenCaseCommand;
import de.kim.contracts.vocabulary.TargetGroup;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * The body of {@code POST /api/cases}. {@code confirmDuplicate}: open the case although the person
 * has an open case already (the user checked the warning); the same as the query parameter.
 */
public record OpenCaseRequest(@NotNull @Valid Client client, @NotNull TargetGroup targetGroup,
                              @NotNull AccessRoute accessRoute,
                              @NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{1,64}") String assignee,
                              Boolean confirmDuplicate) {

    /** The client's personal data. */
    public record Client(@NotBlank @Size(max = 100) String givenName,
                         @NotBlank @Size(max = 100) String familyName,
                         @NotNull LocalDate dateOfBirth,
                         @NotBlank @Pattern(regexp = "[A-Z]{3}") String nationality,
                         @Size(max = 20) List<@Pattern(regexp = "[a-z]{2,3}") String> languages,
                         @NotBlank @Size(max = 100) String town,
                         @Valid Contact contact) {

        /** The client's data as the case keeps it: names and town trimmed, a blank contact part as none. */
        public ClientProfile toProfile() {
            ClientProfile.Contact reach = contact == null ? null : new ClientProfile.Contact(
                    blankAsNone(contact.phone()), blankAsNone(contact.email()), blankAsNone(contact.address()));
            return new ClientProfile(givenName.trim(), familyName.trim(), dateOfBirth, nationality, languages,
                    town.trim(), reach);
        }

        private static String blankAsNone(String text) {
            return text == null || text.isBlank() ? null : text.trim();
        }
    }

    /** How to reach the client. */
    public record Contact(@Size(max = 40) @Pattern(regexp = "[0-9 +()/-]*") String phone,
                          @Email @Size(max = 200) String email,
                          @Size(max = 300) String address) {
    }

    OpenCaseCommand toCommand(CaseId id, String caseNumber) {
        return new OpenCaseCommand(id, caseNumber, client.toProfile(), targetGroup, accessRoute, assignee);
    }
}
