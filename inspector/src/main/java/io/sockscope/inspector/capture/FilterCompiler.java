package io.sockscope.inspector.capture;

import io.sockscope.inspector.pcap.LinkType;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/**
 * Compiles BPF expressions with libpcap, against a live handle (for its exact code: Linux live
 * handles get VLAN-aware code) or a dead one (for checking without privilege).
 *
 * <p>Compilation is serialised JVM-wide: it is rare, and older libpcaps were not reentrant.
 */
final class FilterCompiler {

    private static final Object LOCK = new Object();
    private static final int OPTIMIZE = 1;
    private static final int DEAD_SNAPLEN = 262_144;

    private FilterCompiler() {
    }

    /** A compiled program or libpcap's reason for not compiling it. */
    sealed interface Compiled permits Program, Rejected {
    }

    /**
     * A compiled program in native memory ({@code struct bpf_program}); close it to free the
     * instructions.
     */
    record Program(Memory program) implements Compiled, AutoCloseable {

        int instructionCount() {
            return program.getInt(0);
        }

        Pointer instructions() {
            return program.getPointer(Libpcap.BPF_PROGRAM_INSNS_OFFSET);
        }

        @Override
        public void close() {
            Libpcap.pcap_freecode(program);
        }
    }

    /** libpcap's message for an expression it would not compile. */
    record Rejected(String message) implements Compiled {
    }

    static Compiled compile(Pointer pcap, String expression) {
        Memory program = new Memory(Libpcap.BPF_PROGRAM_SIZE);
        program.clear();
        synchronized (LOCK) {
            int status = Libpcap.pcap_compile(pcap, program, expression, OPTIMIZE, Libpcap.NETMASK_UNKNOWN);
            if (status != 0) {
                return new Rejected(Libpcap.errorText(pcap, status));
            }
        }
        return new Program(program);
    }

    static FilterCheck checkOffline(String expression, int linkType) {
        if (Libpcap.loadFailure().isPresent()) {
            return Diagnosis.noLibpcap(Libpcap.loadFailure().get());
        }
        Pointer dead = Libpcap.pcap_open_dead(Dlt.fromLinkType(linkType), DEAD_SNAPLEN);
        if (dead == null) {
            return Diagnosis.other("libpcap cannot compile filters for link type " + LinkType.name(linkType));
        }
        try {
            return switch (compile(dead, expression)) {
                case Program program -> {
                    program.close();
                    yield new FilterCheck.Valid(expression);
                }
                case Rejected rejected -> new FilterCheck.Invalid(expression, rejected.message());
            };
        } finally {
            Libpcap.pcap_close(dead);
        }
    }
}
