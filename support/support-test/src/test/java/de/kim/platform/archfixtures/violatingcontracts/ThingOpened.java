package de.kim.platform.archfixtures.violatingcontracts;

/** An integration event: a plain record. */
public record ThingOpened(String thingId) {
}
