package de.kim.steering.messaging;

import de.kim.contracts.reporting.FiguresPublished;
import de.kim.platform.messaging.IntegrationEvent;
import de.kim.steering.query.Figure;
import de.kim.steering.query.SmallCellSuppression.Cell;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static de.kim.platform.testing.ContractAssertions.assertMatchesFixture;
import static org.assertj.core.api.Assertions.assertThat;

/** The publisher's contract test of {@code kim.reporting.v1}: the pinned shape, and only suppressed figures. */
class ReportingPublisherTest {

    @Test
    void published_figures_have_the_pinned_shape_and_keep_small_cells_suppressed() {
        Figure opened = new Figure(Cell.shown(12), List.of(new Figure.Group("Hilden", "Hilden", Cell.withheld()),
                new Figure.Group("Velbert", "Velbert", Cell.small(5)),
                new Figure.Group(Figure.SUPPRESSED, "nicht ausgewiesen", Cell.shown(12))));
        FiguresPublished.Figure figure = ReportingPublisher.figure(opened);
        assertMatchesFixture(new IntegrationEvent(FiguresPublished.TYPE, new FiguresPublished("kreis-mettmann",
                "2026-11", Instant.parse("2026-11-25T13:00:00Z"), Map.of("casesOpened", figure))));
        // Velbert 3 is suppressed, and so Hilden 9 too, since the total of 12 is published.
        assertThat(figure.total().count()).isEqualTo(12);
        assertThat(figure.groups()).extracting(g -> g.value().display()).containsExactly("x", "<5", "12");
        assertThat(figure.groups().subList(0, 2)).allMatch(g -> g.value().count() == null);
    }
}
