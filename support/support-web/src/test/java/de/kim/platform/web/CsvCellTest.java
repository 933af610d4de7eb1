package de.kim.platform.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvCellTest {

    @Test
    void a_cell_a_spreadsheet_would_take_for_a_formula_starts_with_a_single_quote() {
        assertThat(CsvCell.of("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        assertThat(CsvCell.of("+49 2051 123")).isEqualTo("'+49 2051 123");
        assertThat(CsvCell.of("-1+1")).isEqualTo("'-1+1");
        assertThat(CsvCell.of("-cmd|' /C calc'!A0")).isEqualTo("'-cmd|' /C calc'!A0");
        assertThat(CsvCell.of("@SUM(A1:A9)")).isEqualTo("'@SUM(A1:A9)");
        assertThat(CsvCell.of("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(CsvCell.of("\r=1+1")).isEqualTo("\"'\r=1+1\"");
    }

    @Test
    void numbers_stay_numbers_negative_ones_too() {
        assertThat(CsvCell.of("42")).isEqualTo("42");
        assertThat(CsvCell.of("-3")).isEqualTo("-3");
        assertThat(CsvCell.of("-2,5")).isEqualTo("-2,5");
        assertThat(CsvCell.of("0.75")).isEqualTo("0.75");
    }

    @Test
    void suppressed_counts_and_plain_text_stay_as_they_are() {
        assertThat(CsvCell.of("<5")).isEqualTo("<5");
        assertThat(CsvCell.of("VHS Velbert")).isEqualTo("VHS Velbert");
        assertThat(CsvCell.of("Caritas; Mettmann")).isEqualTo("\"Caritas; Mettmann\"");
        assertThat(CsvCell.of("a=b")).isEqualTo("a=b");
        assertThat(CsvCell.of(null)).isEmpty();
    }
}
