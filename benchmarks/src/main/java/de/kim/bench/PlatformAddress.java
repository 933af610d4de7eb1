package de.kim.bench;

import picocli.CommandLine.Option;

/** Where the measured platform answers: its gateway and its sign-in server; shared by the benchmarks that drive it. */
final class PlatformAddress {

    @Option(names = "--gateway", defaultValue = "http://localhost:8080")
    String gateway;
    @Option(names = "--auth", defaultValue = "http://localhost:9000", description = "the sign-in server")
    String auth;
}
