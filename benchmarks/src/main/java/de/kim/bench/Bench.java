package de.kim.bench;

import java.util.Arrays;

/**
 * The one entry point of the benchmark jar: {@code java -jar benchmarks-…-exec.jar <benchmark> [--option value …]}.
 * Each benchmark is a separate process from the platform it measures; {@code bench/run.sh} runs them all.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "load-generator" -> LoadGenerator.main(rest);
            case "freshness" -> Freshness.main(rest);
            case "crud-service" -> CrudService.main(rest);
            case "raw-insert" -> RawInsert.main(rest);
            case "aggregate-load-growth" -> AggregateLoadGrowth.main(rest);
            default -> {
                usage();
                System.exit(2);
            }
        }
    }

    private static void usage() {
        System.err.println("""
                usage: java -jar benchmarks-exec.jar <benchmark> [--option value ...]
                  load-generator         --scenario open-case|referral --clients 32 --duration 60 --warmup 10
                                         [--gateway http://localhost:8080] [--auth http://localhost:9000]
                                         [--target http://localhost:8090/crud/cases] [--rate 0] [--out file]
                  freshness              --rate <background cases/s> --probes 50 [--town Haan] [--out file]
                  crud-service           --port 8090 [--url jdbc:…] [--user sa] [--password ''] [--pool 10]
                  raw-insert             --threads 1,4,32 --duration 10 [--url jdbc:…] [--out file]
                  aggregate-load-growth  --sizes 10000,100000,1000000 --loads 1000 [--dir path] [--out file]
                """);
    }
}
