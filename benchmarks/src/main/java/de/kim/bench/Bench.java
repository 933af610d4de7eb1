package de.kim.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * The one entry point of the benchmark jar: {@code java -jar benchmarks-…-exec.jar <benchmark> [--option value …]};
 * {@code --help} after a benchmark lists its options. Each benchmark is a separate process from
 * the platform it measures; {@code bench/run.sh} runs them all.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, subcommands = {LoadGenerator.class, Freshness.class,
        CrudService.Start.class, RawInsert.class, AggregateLoadGrowth.class, SeedCases.class, CatchUp.class, VolumeQueries.class,
        Burst.class})
public final class Bench implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Without a benchmark named: the usage, and the exit code of a wrong call. */
    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return 2;
    }

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new Bench());
        int exit = commandLine.execute(args);
        if (commandLine.getParseResult() != null && commandLine.getParseResult().subcommand() != null
                && commandLine.getParseResult().subcommand().commandSpec().userObject() instanceof CrudService.Start) {
            return; // the service runs on in its own threads
        }
        System.exit(exit);
    }
}
