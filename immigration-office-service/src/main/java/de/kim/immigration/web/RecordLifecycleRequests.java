package de.kim.immigration.web;

import de.kim.immigration.api.ClosureReason;
import de.kim.immigration.api.ErasureGround;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The bodies of closing, holding and erasing a residence record. */
public final class RecordLifecycleRequests {

    private RecordLifecycleRequests() {
    }

    /** {@code POST /api/residence-records/{id}/closure}: why the office no longer handles the person. */
    public record Closure(@NotNull ClosureReason reason) {
    }

    /** {@code PUT /api/residence-records/{id}/legal-hold}: on or off, and why (sealed with the record's key). */
    public record LegalHold(@NotNull Boolean active, @NotBlank @Size(max = 500) String reason) {
    }

    /**
     * {@code POST /api/residence-records/{id}/erasure}: the ground and a reference, the file number of
     * the request or decision (letters, digits and {@code ./-_ }; no names), kept as proof of the erasure.
     */
    public record Erasure(@NotNull ErasureGround ground,
                          @NotBlank @Pattern(regexp = "[A-Za-z0-9./_ -]{1,64}") String reference) {
    }
}
