package de.kim.web;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** "Mein Arbeitskorb": the case manager's start page, what is due or new, page by page; an item dealt with is marked done. */
@Controller
public class WorkBasketPageController {

    static final int PAGE_SIZE = 25;

    private final Api api;

    public WorkBasketPageController(Api api) {
        this.api = api;
    }

    @GetMapping("/arbeitskorb")
    public String workBasket(@RequestParam(defaultValue = "1") int seite, Model model) {
        int page = Math.max(seite, 1);
        Map<?, ?> basket = api.read("/api/work-basket?page=" + (page - 1) + "&size=" + PAGE_SIZE);
        long total = basket.get("total") instanceof Number n ? n.longValue() : 0;
        model.addAttribute("items", basket.get("items") == null ? java.util.List.of() : basket.get("items"));
        model.addAttribute("total", total);
        model.addAttribute("page", page);
        model.addAttribute("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        return "work-basket";
    }

    @PostMapping("/arbeitskorb/{itemId}/erledigt")
    public String done(@PathVariable String itemId, RedirectAttributes redirect) {
        Api.Answer answer = api.send(HttpMethod.POST, "/api/work-basket/"
                + UriUtils.encodePathSegment(itemId, StandardCharsets.UTF_8) + "/done", null);
        if (answer.ok()) {
            api.awaitUntil("/api/work-basket?page=0&size=200", body -> body.path("items").findValuesAsText("id")
                    .stream().noneMatch(itemId::equals));
            redirect.addFlashAttribute("notice", "done");
        } else {
            redirect.addFlashAttribute("error", answer.problem());
        }
        return "redirect:/arbeitskorb";
    }
}
