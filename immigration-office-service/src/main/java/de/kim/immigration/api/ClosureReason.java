package de.kim.immigration.api;

/** Why the office no longer keeps a residence record open. */
public enum ClosureReason {
    /** The person was naturalised: no residence status follows. */
    NATURALISED,
    /** The person moved to another district; another office is responsible now. */
    MOVED_AWAY,
    /** The person left Germany. */
    LEFT_GERMANY,
    /** The person died. */
    DECEASED
}
