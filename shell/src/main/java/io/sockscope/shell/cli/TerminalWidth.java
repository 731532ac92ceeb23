package io.sockscope.shell.cli;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Map;
import java.util.OptionalInt;

/**
 * How many columns standard output's terminal has, so the explain report can use a wide
 * terminal: {@code ioctl(1, TIOCGWINSZ)} through java.lang.foreign, else {@code COLUMNS}.
 */
final class TerminalWidth {

    /** {@code TIOCGWINSZ} on Linux (x86-64 and arm64 alike). */
    private static final long TIOCGWINSZ = 0x5413L;
    private static final int STDOUT = 1;

    private TerminalWidth() {
    }

    /** The terminal's columns, if standard output is a terminal that says. */
    static OptionalInt of(Map<String, String> environment) {
        OptionalInt asked = ioctl();
        if (asked.isPresent()) {
            return asked;
        }
        String columns = environment.get("COLUMNS");
        if (columns != null && columns.matches("[1-9][0-9]{0,3}")) {
            return OptionalInt.of(Integer.parseInt(columns));
        }
        return OptionalInt.empty();
    }

    @SuppressWarnings("restricted")
    private static OptionalInt ioctl() {
        try (Arena arena = Arena.ofConfined()) {
            Linker linker = Linker.nativeLinker();
            MethodHandle ioctl = linker.downcallHandle(
                    linker.defaultLookup().find("ioctl").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                            ValueLayout.JAVA_LONG, ValueLayout.ADDRESS),
                    Linker.Option.firstVariadicArg(2));
            MemorySegment size = arena.allocate(8);
            int result = (int) ioctl.invokeExact(STDOUT, TIOCGWINSZ, size);
            int columns = size.get(ValueLayout.JAVA_SHORT, 2) & 0xFFFF;
            return result == 0 && columns > 0 ? OptionalInt.of(columns) : OptionalInt.empty();
        } catch (Throwable notAvailable) {
            return OptionalInt.empty();
        }
    }
}
