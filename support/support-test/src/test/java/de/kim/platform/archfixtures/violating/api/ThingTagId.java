package de.kim.platform.archfixtures.violating.api;

/** Breaks the identifier rule: an identifier that is a plain class. */
public class ThingTagId {
    public String value;
}
