package de.kim.partners.api;



/** How to reach a partner organisation. */
public record Contact(
        String person,
        String email,
        String phone) {
}
