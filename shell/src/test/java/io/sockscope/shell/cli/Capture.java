package io.sockscope.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import picocli.CommandLine;

/**
 * Runs {@code capture} in-process through picocli, as {@code sockscope capture ...} would, on a
 * thread of its own, with an interrupt the test triggers in place of Ctrl-C.
 */
final class Capture {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private Capture() {
    }

    /** Stands for the process's signals: {@link Running#interrupt} is the test's Ctrl-C. */
    static final class TestInterrupts implements Interrupts {
        volatile Consumer<String> target;
        volatile boolean closed;

        @Override
        public Registration install(Consumer<String> onInterrupt) {
            target = onInterrupt;
            return () -> {
                target = null;
                closed = true;
            };
        }
    }

    /** A capture running on its own thread. */
    static final class Running {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final TestInterrupts interrupts = new TestInterrupts();
        final CompletableFuture<Integer> exit = new CompletableFuture<>();

        String out() {
            return out.toString(StandardCharsets.UTF_8);
        }

        String err() {
            return err.toString(StandardCharsets.UTF_8);
        }

        /** Waits until the capture says it is listening. */
        Running awaitListening() throws InterruptedException {
            return awaitErr(e -> e.contains("listening on "));
        }

        Running awaitErr(Predicate<String> test) throws InterruptedException {
            await(() -> test.test(err()), "standard error to show it");
            return this;
        }

        /** Waits until what it printed passes {@code test}. */
        Running awaitOut(Predicate<String> test) throws InterruptedException {
            await(() -> test.test(out()), "standard output to show it");
            return this;
        }

        private void await(java.util.function.BooleanSupplier condition, String what)
                throws InterruptedException {
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (!condition.getAsBoolean()) {
                assertThat(exit.isDone()).as("capture ended early (exit %s); stderr: %s; stdout: %s",
                        exit.getNow(null), err(), out()).isFalse();
                assertThat(System.nanoTime() - deadline).as("waiting for %s; stderr: %s; stdout: %s",
                        what, err(), out()).isNegative();
                Thread.sleep(10);
            }
        }

        /** The test's Ctrl-C. */
        void interrupt() {
            Consumer<String> target = interrupts.target;
            assertThat(target).as("the interrupt handler is installed").isNotNull();
            target.accept("Ctrl-C");
        }

        int await() throws Exception {
            int code = exit.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            assertThat(interrupts.closed).as("the interrupt handler was removed").isTrue();
            return code;
        }
    }

    static Running start(String... args) {
        Running running = new Running();
        PrintStream err = new PrintStream(running.err, true, StandardCharsets.UTF_8);
        CommandLine command = new CommandLine(new CaptureCommand(running.out, err, Map.of(),
                false, running.interrupts));
        command.setErr(new PrintWriter(err, true));
        command.setOut(new PrintWriter(err, true));
        Thread.ofPlatform().name("capture-under-test").start(() -> {
            try {
                running.exit.complete(command.execute(args));
            } catch (Throwable t) {
                running.exit.completeExceptionally(t);
            }
        });
        return running;
    }

    /** Runs to its end (for runs that end by themselves: -c, --duration, errors). */
    static Running run(String... args) throws Exception {
        Running running = start(args);
        running.exit.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        return running;
    }
}
