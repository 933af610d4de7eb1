package de.kim.platform.web;

import de.kim.platform.domain.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RolesClaimTest {

    @Test
    void an_array_of_role_names_grants_those_roles() {
        assertThat(RolesClaim.parse(List.of("CASE_MANAGER", "STEERING_MEMBER")))
                .containsExactlyInAnyOrder(Role.CASE_MANAGER, Role.STEERING_MEMBER);
    }

    @Test
    void a_name_that_is_no_role_grants_nothing_and_leaves_the_others() {
        assertThat(RolesClaim.parse(List.of("SUPERUSER"))).isEmpty();
        assertThat(RolesClaim.parse(List.of("offline_access", "PARTNER_STAFF"))).containsExactly(Role.PARTNER_STAFF);
        assertThat(RolesClaim.parse(List.of("case_manager"))).as("names are exact").isEmpty();
    }

    @Test
    void a_claim_that_is_not_an_array_of_strings_grants_nothing() {
        assertThat(RolesClaim.parse("CASE_MANAGER CASE_MANAGEMENT_LEAD")).as("space-separated string").isEmpty();
        assertThat(RolesClaim.parse("CASE_MANAGEMENT_LEAD")).as("one string").isEmpty();
        assertThat(RolesClaim.parse(List.of())).as("empty").isEmpty();
        assertThat(RolesClaim.parse(null)).as("missing").isEmpty();
        assertThat(RolesClaim.parse(Map.of("role", "CASE_MANAGER"))).as("object").isEmpty();
        assertThat(RolesClaim.parse(List.of("CASE_MANAGER", 7))).as("array with a number").isEmpty();
    }
}
