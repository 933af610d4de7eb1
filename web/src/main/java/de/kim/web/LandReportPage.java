package de.kim.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;

/**
 * The report to the Land as a printable page (one section per printed page, no navigation), with
 * its year chooser and its CSV and XLSX files, fetched from steering-service with the user's token.
 */
@Controller
public class LandReportPage {

    private final Api api;

    public LandReportPage(Api api) {
        this.api = api;
    }

    @GetMapping("/steuerung/landesbericht")
    public String report(@RequestParam(name = "jahr", required = false) String year, Model model) {
        // Passed on as typed: steering-service says what is wrong with a year, and the page shows it.
        String chosen = year == null || year.isBlank() ? String.valueOf(Year.now().getValue() - 1) : year.trim();
        model.addAttribute("year", chosen);
        Api.Answer answer = api.get("/api/steering/reports/land/{year}", Map.of("year", chosen));
        if (answer.ok()) {
            Map<?, ?> report = api.map(answer);
            model.addAttribute("report", report);
            model.addAttribute("generatedOn", LocalDate.parse(String.valueOf(report.get("generatedOn")))
                    .format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
        } else {
            model.addAttribute("error", answer.problem());
        }
        return "land-report";
    }

    @GetMapping("/steuerung/landesbericht/{year}.{format}")
    public ResponseEntity<byte[]> file(@PathVariable int year, @PathVariable String format) {
        if (!Set.of("csv", "xlsx").contains(format)) {
            return ResponseEntity.notFound().build();
        }
        ResponseEntity<byte[]> file = api.download("/api/steering/reports/land/" + year + "." + format);
        return ResponseEntity.status(file.getStatusCode())
                .header(HttpHeaders.CONTENT_TYPE, file.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"landesbericht-" + year + "." + format + "\"")
                .body(file.getBody());
    }
}
