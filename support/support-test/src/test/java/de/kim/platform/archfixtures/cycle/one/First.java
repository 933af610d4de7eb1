package de.kim.platform.archfixtures.cycle.one;

import de.kim.platform.archfixtures.cycle.two.Second;

/** Half of a package cycle: one needs two. */
public record First(Second next) {
}
