/**
 * Small class trees for ArchitectureRulesTest: {@code compliant} keeps every shared rule (with contracts in {@code compliantcontracts}),
 * {@code violating} breaks each rule with one class named for what it does wrong.
 */
package de.kim.platform.archfixtures;
