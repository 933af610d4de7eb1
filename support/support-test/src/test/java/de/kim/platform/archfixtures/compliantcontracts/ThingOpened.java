package de.kim.platform.archfixtures.compliantcontracts;

/** An integration event: a plain record. */
public record ThingOpened(String thingId) {
}
