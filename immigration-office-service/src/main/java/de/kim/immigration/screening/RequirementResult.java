package de.kim.immigration.screening;

import de.kim.contracts.vocabulary.FieldOfAction;

import java.util.List;

/**
 * How one requirement stands, with the reason as a message key and its arguments, so that it
 * reads in the user's language.
 */
public record RequirementResult(String id, String citation, Outcome outcome, String reasonKey,
                                List<String> reasonArguments, FieldOfAction fieldOfAction) {

    public RequirementResult {
        reasonArguments = List.copyOf(reasonArguments);
    }
}
