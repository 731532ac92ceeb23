package io.sockscope.inspector.live;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The CPUs this process may run on, and pinning the calling (platform) thread to one of them:
 * sched_getaffinity(2) and sched_setaffinity(2) through java.lang.foreign. A {@code cpu_set_t}
 * is a bit mask of 1024 CPUs (128 bytes); pid 0 is the calling thread.
 */
final class CpuPinning {

    private static final long MASK_BYTES = 128;
    private static final Optional<MethodHandle> GET = find("sched_getaffinity");
    private static final Optional<MethodHandle> SET = find("sched_setaffinity");

    private CpuPinning() {
    }

    private static Optional<MethodHandle> find(String name) {
        Linker linker = Linker.nativeLinker();
        return linker.defaultLookup().find(name).map(address -> linker.downcallHandle(address,
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                        ValueLayout.JAVA_LONG, ValueLayout.ADDRESS)));
    }

    /** The CPUs in this thread's affinity mask; empty when they cannot be read. */
    static List<Integer> allowed() {
        if (GET.isEmpty()) {
            return List.of();
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mask = arena.allocate(MASK_BYTES);
            if ((int) GET.get().invokeExact(0, MASK_BYTES, mask) != 0) {
                return List.of();
            }
            List<Integer> cpus = new ArrayList<>();
            for (int cpu = 0; cpu < MASK_BYTES * 8; cpu++) {
                if ((mask.get(ValueLayout.JAVA_BYTE, cpu / 8) & (1 << (cpu % 8))) != 0) {
                    cpus.add(cpu);
                }
            }
            return cpus;
        } catch (Throwable e) {
            return List.of();
        }
    }

    /** Pins the calling thread to {@code cpu}; false when the kernel refused. */
    static boolean pin(int cpu) {
        if (SET.isEmpty()) {
            return false;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mask = arena.allocate(MASK_BYTES);
            mask.set(ValueLayout.JAVA_BYTE, cpu / 8, (byte) (1 << (cpu % 8)));
            return (int) SET.get().invokeExact(0, MASK_BYTES, mask) == 0;
        } catch (Throwable e) {
            return false;
        }
    }
}
