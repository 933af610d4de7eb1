package de.kim.contracts;

/**
 * The Kafka topics of the platform: one per publishing service, versioned in the name so
 * that an incompatible envelope change gets a new topic instead of breaking consumers.
 */
public final class Topics {

    public static final String CASE = "kim.case.v1";
    public static final String PARTNER = "kim.partner.v1";
    public static final String IMMIGRATION = "kim.immigration.v1";
    /** Anonymised figures for reporting consumers outside the platform (the state's KIM database, BI tools). */
    public static final String REPORTING = "kim.reporting.v1";

    private Topics() {
    }

    /**
     * Where a consumer puts a record of {@code topic} it can never apply, with the reason in the
     * record's headers: {@code <topic>.DLT}.
     */
    public static String deadLetterOf(String topic) {
        return topic + ".DLT";
    }
}
