package de.kim.platform.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a signed-in person does on the platform. The token names the roles in its
 * {@code roles} claim, by these names.
 */
public enum Role {
    /** Fallmanager:in: works the cases assigned or handed to them. */
    CASE_MANAGER,
    /** Leitung des Case Managements: sees and assigns every case of the tenant. */
    CASE_MANAGEMENT_LEAD,
    /** Mitarbeitende eines Netzwerkpartners: the inbox and offers of their own partner. */
    PARTNER_STAFF,
    /** Ausländerbehörde: residence records and what consent lets case management share. */
    IMMIGRATION_OFFICER,
    /** Steuerungsgruppe: anonymised figures and the action plan, never a person. */
    STEERING_MEMBER,
    /** Administration: the partner network, reference lists and the audit trail; no case. */
    ADMINISTRATOR;

    public static Optional<Role> of(String claim) {
        return Arrays.stream(values()).filter(role -> role.name().equals(claim)).findFirst();
    }
}
