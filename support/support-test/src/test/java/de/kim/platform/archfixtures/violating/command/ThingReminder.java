package de.kim.platform.archfixtures.violating.command;

import de.kim.platform.archfixtures.violating.messaging.ThingListener;

/** Breaks the domain rule: a command-side class that calls into messaging. */
public class ThingReminder {
    public Object remind(ThingListener listener) {
        return listener;
    }
}
