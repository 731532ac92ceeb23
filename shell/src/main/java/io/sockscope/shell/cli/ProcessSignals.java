package io.sockscope.shell.cli;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Ctrl-C and SIGTERM as stop requests: the first asks the capture to stop, so it prints its
 * summary and exits 0 as tcpdump does; a second Ctrl-C quits at once (exit 130). A signal that
 * arrives again within {@link SignalEcho#SAME_REQUEST_NANOS} of the first is the first delivered
 * twice ({@code timeout} signals the process and then its group), not a second Ctrl-C. Any other
 * way the JVM shuts down (SIGHUP, say) asks for a stop too and waits up to {@link
 * #SHUTDOWN_WAIT_MILLIS} for the output to be complete.
 *
 * <p>The JDK's handlers for INT and TERM would start the JVM's shutdown, which ends with exit
 * code 130 and leaves the main thread no time to finish. {@code sun.misc.Signal} (module
 * jdk.unsupported) replaces them; it is reached by reflection so the build stays free of
 * internal-API warnings, and where it is missing or refuses (the JVM runs with {@code -Xrs}) only
 * the shutdown hook remains. A signal the process was started with ignored (a background job of
 * a non-interactive shell ignores SIGINT) stays ignored. Closing the registration puts the JDK's
 * handlers back only when no stop was requested: after one, a late copy of that signal must not
 * reach the JDK's handler, which would end the finished capture with exit code 130.
 */
final class ProcessSignals implements Interrupts {

    static final long SHUTDOWN_WAIT_MILLIS = 5_000;
    private static final int EXIT_SECOND_INTERRUPT = 130;

    @Override
    public Registration install(Consumer<String> onInterrupt) {
        SignalEcho arrivals = new SignalEcho(System::nanoTime);
        AtomicBoolean closed = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        List<Runnable> restores = new ArrayList<>();
        for (String name : List.of("INT", "TERM")) {
            String how = name.equals("INT") ? "Ctrl-C" : "SIGTERM";
            handle(name, () -> {
                if (arrivals.arrived() == SignalEcho.Arrival.AGAIN && name.equals("INT")) {
                    Runtime.getRuntime().halt(EXIT_SECOND_INTERRUPT);
                }
                if (!closed.get()) {
                    onInterrupt.accept(how);
                }
            }, restores);
        }
        Thread hook = Thread.ofPlatform().name("sockscope-capture-shutdown").unstarted(() -> {
            onInterrupt.accept("the JVM shutting down");
            try {
                done.await(SHUTDOWN_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        return () -> {
            closed.set(true);
            done.countDown();
            if (!arrivals.any()) {
                restores.forEach(Runnable::run);
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it returns now that done is counted down
            }
        };
    }

    /** Installs {@code action} for signal {@code name}; adds how to put back the old handler. */
    private static void handle(String name, Runnable action, List<Runnable> restores) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
            Object ignored = handlerClass.getField("SIG_IGN").get(null);
            Object signal = signalClass.getConstructor(String.class).newInstance(name);
            Object handler = Proxy.newProxyInstance(handlerClass.getClassLoader(),
                    new Class<?>[] {handlerClass}, (proxy, method, args) -> switch (method.getName()) {
                        case "handle" -> {
                            action.run();
                            yield null;
                        }
                        case "equals" -> proxy == args[0];
                        case "hashCode" -> System.identityHashCode(proxy);
                        default -> "sockscope capture's SIG" + name + " handler";
                    });
            Object previous = handle.invoke(null, signal, handler);
            if (previous == ignored) {
                handle.invoke(null, signal, previous);
                return;
            }
            restores.add(() -> {
                try {
                    handle.invoke(null, signal, previous);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot restore the SIG" + name + " handler", e);
                }
            });
        } catch (ReflectiveOperationException | IllegalArgumentException | LinkageError e) {
            // no sun.misc.Signal here, or the JVM keeps the signal (-Xrs): the shutdown hook remains
        }
    }
}
