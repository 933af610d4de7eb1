package de.kim.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which role may open which area of the front end, the same as the menu shows: a signed-in person
 * who opens another role's page gets the page "Keine Berechtigung" with status 403, before any
 * service is asked, instead of an empty page or an error.
 */
@Component
@ControllerAdvice
public class PageAccess implements HandlerInterceptor, WebMvcConfigurer {

    private static final Map<String, Predicate<SignedIn.Person>> AREAS = new LinkedHashMap<>();

    static {
        AREAS.put("/faelle", SignedIn.Person::worksCases);
        AREAS.put("/arbeitskorb", SignedIn.Person::worksCases);
        AREAS.put("/eingang", me -> me.has("PARTNER_STAFF"));
        AREAS.put("/aufenthalt", me -> me.has("IMMIGRATION_OFFICER"));
        AREAS.put("/steuerung", me -> me.has("STEERING_MEMBER"));
        AREAS.put("/partner", me -> me.has("ADMINISTRATOR") || me.has("CASE_MANAGEMENT_LEAD"));
        AREAS.put("/protokoll", me -> me.has("ADMINISTRATOR"));
    }

    /** Opening a page of an area the person's roles do not cover. */
    static final class NotYourArea extends RuntimeException {
        NotYourArea() {
            super(null, null, false, false);
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        SignedIn.Person me = signedIn();
        if (me == null) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        AREAS.forEach((area, allowed) -> {
            if ((path.equals(area) || path.startsWith(area + "/")) && !allowed.test(me)) {
                throw new NotYourArea();
            }
        });
        return true;
    }

    @ExceptionHandler(NotYourArea.class)
    public ModelAndView forbidden() {
        ModelAndView page = new ModelAndView("forbidden", HttpStatus.FORBIDDEN);
        page.addObject("me", signedIn());
        return page;
    }

    private static SignedIn.Person signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof OidcUser user ? SignedIn.of(user) : null;
    }
}
