package de.kim.platform.web;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Rows of words and numbers as a file for a spreadsheet: CSV (semicolon-separated, UTF-8 with a
 * byte-order mark, as German spreadsheet programs open it directly) or XLSX. A CSV cell that a
 * spreadsheet would take for a formula is neutralised ({@link CsvCell}); an XLSX cell is written
 * as a string or a number, never as a formula, so it needs nothing. XLSX needs Apache POI
 * ({@code poi-ooxml}) on the service's class path: a service that writes XLSX lists it.
 */
public final class SpreadsheetFiles {

    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private SpreadsheetFiles() {
    }

    /** The rows as CSV, downloaded as {@code kim-<name>.csv}. */
    public static ResponseEntity<byte[]> csv(String name, List<List<String>> rows) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        for (List<String> row : rows) {
            csv.append(String.join(";", row.stream().map(CsvCell::of).toList())).append("\r\n");
        }
        return file(name, "csv", new MediaType("text", "csv", StandardCharsets.UTF_8),
                csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The rows as a workbook of one sheet, downloaded as {@code kim-<name>.xlsx}; the first {@code headerRows} stay text. */
    public static ResponseEntity<byte[]> xlsx(String name, List<List<String>> rows, int headerRows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(name);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    String value = rows.get(r).get(c);
                    // Numbers as numbers, so the spreadsheet can sum them; "<5" stays text.
                    if (r >= headerRows && value.matches("\\d{1,15}")) {
                        row.createCell(c).setCellValue(Long.parseLong(value));
                    } else {
                        row.createCell(c).setCellValue(value);
                    }
                }
            }
            workbook.write(out);
            return file(name, "xlsx", XLSX, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ResponseEntity<byte[]> file(String name, String extension, MediaType type, byte[] body) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("kim-" + name + "." + extension).build().toString())
                .body(body);
    }
}
