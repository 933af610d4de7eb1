package de.kim.contracts.vocabulary;

/** A member's part in a steering or project group: who chairs, who belongs, who is invited. */
public enum MemberRole {
    CHAIR,
    MEMBER,
    GUEST
}
