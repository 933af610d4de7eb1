package de.kim.platform.archfixtures.cycle.two;

import de.kim.platform.archfixtures.cycle.one.First;

/** The other half of a package cycle: two needs one. */
public record Second(First back) {
}
