package de.kim.cases.api;

/**
 * A hand-over as case management keeps it: the office's hand-over id within one tenant. It
 * identifies the hand-over aggregate, so the same id sent to two tenants names two hand-overs.
 */
public record HandoverRef(String tenant, HandoverId handoverId) {

    public HandoverRef {
        if (tenant == null || tenant.isBlank() || handoverId == null) {
            throw new IllegalArgumentException("HandoverRef names a tenant and a hand-over");
        }
    }

    /** The aggregate identifier in the event store: {@code tenant:handoverId}. */
    @Override
    public String toString() {
        return tenant + ":" + handoverId.value();
    }
}
