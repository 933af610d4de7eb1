package de.kim.immigration.api;

import de.kim.contracts.vocabulary.PathwayKind;
import de.kim.contracts.vocabulary.ResidenceStatusKind;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The office's status types and pathways carry its legal rules; the contracts' vocabulary names the
 * same codes for everyone else (the front end's choices and labels, case management): both name the
 * same codes in the same order, so a code added here is offered and labelled there.
 */
class VocabularyAgreementTest {

    @Test
    void the_status_types_are_those_of_the_contracts_vocabulary() {
        assertThat(Arrays.stream(ResidenceStatusType.values()).map(Enum::name))
                .containsExactlyElementsOf(Arrays.stream(ResidenceStatusKind.values()).map(Enum::name).toList());
    }

    @Test
    void the_pathways_are_those_of_the_contracts_vocabulary() {
        assertThat(Arrays.stream(Pathway.values()).map(Enum::name))
                .containsExactlyElementsOf(Arrays.stream(PathwayKind.values()).map(Enum::name).toList());
    }
}
