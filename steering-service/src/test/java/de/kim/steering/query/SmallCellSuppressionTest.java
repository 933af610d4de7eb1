package de.kim.steering.query;

import de.kim.steering.query.SmallCellSuppression.Cell;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SmallCellSuppressionTest {

    @Test
    void counts_from_one_to_four_show_as_less_than_five() {
        assertThat(Cell.of(1).display()).isEqualTo("<5");
        assertThat(Cell.of(4).display()).isEqualTo("<5");
        assertThat(Cell.of(4).count()).isNull();
        assertThat(Cell.of(5).display()).isEqualTo("5");
        assertThat(Cell.of(0).display()).isEqualTo("0");
    }

    @Test
    void a_lone_small_cell_takes_the_smallest_other_cell_with_it_so_the_total_does_not_reveal_it() {
        // total 3 + 12 + 7 + 9 = 31 is shown; 3 alone suppressed would be 31 - 12 - 7 - 9.
        List<Cell> cells = SmallCellSuppression.group(List.of(3L, 12L, 7L, 9L));
        assertThat(cells).extracting(Cell::display).containsExactly("<5", "12", "<5", "9");
    }

    @Test
    void two_small_cells_protect_each_other() {
        List<Cell> cells = SmallCellSuppression.group(List.of(2L, 12L, 4L));
        assertThat(cells).extracting(Cell::display).containsExactly("<5", "12", "<5");
    }

    @Test
    void zero_cells_are_not_taken_as_the_second_cell() {
        List<Cell> cells = SmallCellSuppression.group(List.of(0L, 2L, 6L));
        assertThat(cells).extracting(Cell::display).containsExactly("0", "<5", "<5");
    }
}
