package de.kim.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Year;

/** The steering group's yearly report: the anonymised figures of one year, section by section, with a year chooser. */
@Controller
public class YearlyReportController {

    private final Api api;

    public YearlyReportController(Api api) {
        this.api = api;
    }

    @GetMapping("/steuerung/jahresbericht")
    public String report(@RequestParam(name = "jahr", required = false) String year, Model model) {
        // Passed on as typed: steering-service says what is wrong with a year, and the page shows it.
        String chosen = year == null || year.isBlank() ? String.valueOf(Year.now().getValue()) : year.trim();
        model.addAttribute("year", chosen);
        Api.Answer answer = api.get("/api/steering/reports/yearly/{year}", java.util.Map.of("year", chosen));
        if (answer.ok()) {
            model.addAttribute("report", api.map(answer));
        } else {
            model.addAttribute("error", answer.problem());
        }
        return "yearly-report";
    }
}
