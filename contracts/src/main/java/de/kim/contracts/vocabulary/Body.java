package de.kim.contracts.vocabulary;

/** Who decided: the steering group (Lenkungsgruppe) or a project group (Projektgruppe). */
public enum Body {
    STEERING_GROUP,
    PROJECT_GROUP
}
