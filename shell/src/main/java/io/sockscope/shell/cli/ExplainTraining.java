package io.sockscope.shell.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * A training run for the JVM's ahead-of-time cache (JDK 25, JEPs 483/514/515): the
 * {@code sockscope} launcher runs this once at build time with {@code -XX:AOTMode=record}, so
 * that the cache holds the classes {@code explain} loads, already linked, and profiles of its hot
 * methods — a later {@code sockscope explain} then starts and warms up sooner. It runs
 * {@code explain} in-process in each of its modes ({@code --json}, text, {@code --summary})
 * over the given captures, {@code ROUNDS} times, discarding the output, parsing the arguments as
 * {@code sockscope explain} does ({@link ExplainCommand#runPlain}).
 *
 * <p>Usage: {@code ExplainTraining ROUNDS CAPTURE...}. Exit status 0, or 2 for bad arguments.
 */
public final class ExplainTraining {

    private static final List<List<String>> MODES = List.of(List.of("--json"),
            List.of("--color=always", "--width=120"), List.of("--summary"),
            List.of("--summary", "--json"));

    private ExplainTraining() {
    }

    public static void main(String[] args) {
        if (args.length < 2 || !args[0].matches("[1-9][0-9]{0,4}")) {
            System.err.println("usage: ExplainTraining ROUNDS CAPTURE...");
            System.exit(2);
        }
        int rounds = Integer.parseInt(args[0]);
        List<String> captures = Arrays.asList(args).subList(1, args.length);
        // the console check every explain makes: its classes go into the cache too
        System.console();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), false,
                StandardCharsets.UTF_8);
        for (int round = 0; round < rounds; round++) {
            for (List<String> mode : MODES) {
                for (String capture : captures) {
                    String[] arguments = new String[mode.size() + 1];
                    mode.toArray(arguments);
                    arguments[mode.size()] = capture;
                    ExplainCommand command = new ExplainCommand(OutputStream.nullOutputStream(),
                            quiet, Map.of(), false);
                    if (ExplainCommand.parsePlain(arguments, command) != null) {
                        command.call();
                    } else {
                        new CommandLine(command).execute(arguments);
                    }
                }
            }
        }
    }
}
