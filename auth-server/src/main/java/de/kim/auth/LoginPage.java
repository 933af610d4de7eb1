package de.kim.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;


/** The sign-in page, in German (English when the browser asks for it), plain and accessible. */
@RestController
public class LoginPage {

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    public String page(HttpServletRequest request, CsrfToken csrf) {
        boolean english = request.getLocale() != null && "en".equals(request.getLocale().getLanguage())
                && request.getHeader("Accept-Language") != null;
        boolean failed = request.getParameter("error") != null;
        String title = english ? "Sign in – KIM" : "Anmelden – KIM";
        return """
                <!DOCTYPE html>
                <html lang="%s"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>body{font:16px/1.5 system-ui,Arial,sans-serif;color:#1a1a1a;max-width:28rem;margin:3rem auto;padding:0 1rem}
                label{display:block;font-weight:600;margin:.8rem 0 .2rem}input{font:inherit;padding:.4rem;width:100%%;border:1px solid #767676}
                button{font:inherit;margin-top:1rem;padding:.5rem 1.2rem;background:#00507a;color:#fff;border:0}
                :focus{outline:3px solid #ffbf47;outline-offset:2px}.error{color:#a00000;font-weight:600}</style></head>
                <body><main><h1>%s</h1>%s
                <form method="post" action="/login">
                <label for="username">%s</label><input id="username" name="username" autocomplete="username" required autofocus>
                <label for="password">%s</label><input id="password" name="password" type="password" autocomplete="current-password" required>
                <input type="hidden" name="%s" value="%s">
                <button type="submit" id="sign-in">%s</button></form></main></body></html>
                """.formatted(english ? "en" : "de", title,
                english ? "Sign in to KIM" : "Anmelden bei KIM",
                failed ? "<p class=\"error\" role=\"alert\">" + (english ? "User name or password is wrong."
                        : "Benutzername oder Passwort ist falsch.") + "</p>" : "",
                english ? "User name" : "Benutzername", english ? "Password" : "Passwort",
                HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()),
                english ? "Sign in" : "Anmelden");
    }
}
