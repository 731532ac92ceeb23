package io.sockscope.shell.cli;

import java.util.function.Consumer;

/**
 * Where a request to stop a running capture comes from: the process's signals ({@link
 * ProcessSignals}: Ctrl-C, SIGTERM, the JVM shutting down), or a test that triggers it itself.
 */
interface Interrupts {

    /**
     * Calls {@code onInterrupt} with what happened, in words ({@code Ctrl-C}), each time a stop
     * is requested, until the registration is closed. The caller must close it once its
     * output is complete: a shutdown in progress waits for that.
     */
    Registration install(Consumer<String> onInterrupt);

    /**
     * An installed handler; once closed it no longer calls {@code onInterrupt}, and what was there
     * before is back unless a stop was requested (see {@link ProcessSignals}).
     */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
