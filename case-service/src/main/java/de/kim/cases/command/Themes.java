package de.kim.cases.command;

import de.kim.cases.api.TagThemeCommand;
import de.kim.cases.api.ThemeTaggedEvent;
import de.kim.cases.privacy.CaseTexts;
import de.kim.platform.domain.ConflictException;
import de.kim.platform.domain.InvalidInputException;
import de.kim.platform.privacy.Sealed;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The generative themes a case shows (structural barriers steering counts): a code of the managed
 * catalogue, or a free text, each tagged once.
 */
class Themes {

    private final CaseRef caseRef;
    private final Set<String> catalogueThemes = new HashSet<>();
    /** The free-text themes, sealed: a new one is compared with them opened. */
    private final List<Sealed> freeTextThemes = new ArrayList<>();

    Themes(CaseRef caseRef) {
        this.caseRef = caseRef;
    }

    @CommandHandler
    void handle(TagThemeCommand command, ThemeCatalogue catalogue, CaseTexts texts) {
        boolean freeText = command.themeCode() == null || ThemeCatalogue.FREE_TEXT.equals(command.themeCode());
        if (freeText && (command.freeText() == null || command.freeText().isBlank())) {
            throw new InvalidInputException("freeText", "case.theme.free-text-missing");
        }
        if (!freeText && !catalogue.contains(command.themeCode())) {
            throw new InvalidInputException("themeCode", "case.theme.unknown", command.themeCode());
        }
        String code = freeText ? ThemeCatalogue.FREE_TEXT : command.themeCode();
        boolean tagged = freeText
                ? freeTextThemes.stream().anyMatch(t -> command.freeText().trim().equals(caseRef.open(texts, t)))
                : catalogueThemes.contains(code);
        if (tagged) {
            throw new ConflictException("case.theme.already-tagged");
        }
        apply(new ThemeTaggedEvent(caseRef.id(), code,
                freeText ? caseRef.seal(texts, command.freeText().trim()) : null));
    }

    @EventSourcingHandler
    void on(ThemeTaggedEvent e) {
        if (e.freeText() == null) {
            catalogueThemes.add(e.themeCode());
        } else {
            freeTextThemes.add(e.freeText());
        }
    }
}
