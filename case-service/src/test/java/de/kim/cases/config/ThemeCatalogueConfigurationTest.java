package de.kim.cases.config;

import de.kim.cases.command.ThemeCatalogue;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The managed themes of application.yml reach the command side's catalogue, codes and labels as written. */
class ThemeCatalogueConfigurationTest {

    @Test
    void the_themes_of_the_configuration_are_the_catalogue() {
        new ApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withUserConfiguration(ThemeCatalogueConfiguration.class)
                .run(context -> {
                    ThemeCatalogue catalogue = context.getBean(ThemeCatalogue.class);
                    assertThat(catalogue.contains("NO_AFFORDABLE_HOUSING")).isTrue();
                    assertThat(catalogue.themes()).containsEntry("NO_CHILDCARE_PLACE", "Kein Kita- oder Betreuungsplatz")
                            .hasSize(8);
                    assertThat(catalogue.contains("NOT_A_THEME")).isFalse();
                });
    }
}
