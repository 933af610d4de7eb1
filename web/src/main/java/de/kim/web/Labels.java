package de.kim.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** A code's label in the user's language ({@code code.<CODE>}), or the code itself where there is none. */
@Component("labels")
public class Labels {

    private final MessageSource messages;

    public Labels(MessageSource messages) {
        this.messages = messages;
    }

    public String of(Object code) {
        if (code == null) {
            return "";
        }
        return messages.getMessage("code." + code, null, String.valueOf(code), LocaleContextHolder.getLocale());
    }
}
