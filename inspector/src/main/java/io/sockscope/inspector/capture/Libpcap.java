package io.sockscope.inspector.capture;

import com.sun.jna.Callback;
import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.util.List;
import java.util.Optional;

/**
 * The libpcap calls live capture makes, mapped directly with JNA.
 *
 * <p>Pcap4J's own mappings are package-private and its {@code PcapHandle} hides the {@code pcap_t}:
 * reaching the packet header without a thread-local, attaching a new kernel filter without
 * libpcap's blind window (see {@link LiveHandle#replaceFilter}) and closing a half-opened handle
 * all need it. Pcap4J still lists interfaces; both load the same library file.
 *
 * <p>The library is found once per JVM: the system property {@value #LIBRARY_PROPERTY} names it
 * when set, otherwise JNA's search for {@code pcap} (which picks the highest {@code libpcap.so.N}
 * on the library path, so the runtime package alone is enough), then the Debian and Fedora
 * sonames. Natives may only be called when {@link #loadFailure()} is empty.
 */
final class Libpcap {

    /** System property naming the libpcap to load (a soname, a path, or JNA's short name). */
    static final String LIBRARY_PROPERTY = "sockscope.pcap.library";

    private static final String PCAP4J_LIBRARY_PROPERTY = "org.pcap4j.core.pcapLibName";
    private static final List<String> CANDIDATES = List.of("pcap", "libpcap.so.0.8", "libpcap.so.1");

    static final int ERRBUF_SIZE = 256;
    static final int ERROR = -1;
    static final int ERROR_BREAK = -2;
    static final int ERROR_NO_SUCH_DEVICE = -5;
    static final int ERROR_PERM_DENIED = -8;
    static final int ERROR_IFACE_NOT_UP = -9;
    static final int ERROR_PROMISC_PERM_DENIED = -11;
    static final int TSTAMP_PRECISION_MICRO = 0;
    static final int TSTAMP_PRECISION_NANO = 1;
    static final int NETMASK_UNKNOWN = 0xffffffff;

    /** {@code struct bpf_program}: a count, then (aligned) a pointer to the instructions. */
    static final int BPF_PROGRAM_SIZE = 2 * Native.POINTER_SIZE;
    static final int BPF_PROGRAM_INSNS_OFFSET = Native.POINTER_SIZE;
    /** {@code struct pcap_stat}: three unsigned ints (recv, drop, ifdrop). */
    static final int PCAP_STAT_SIZE = 12;

    private static final Optional<String> LOAD_FAILURE = load();

    private Libpcap() {
    }

    /** Why libpcap could not be loaded, or empty when it was. */
    static Optional<String> loadFailure() {
        return LOAD_FAILURE;
    }

    /** {@code pcap_handler}: called by pcap_loop on the looping thread for each frame. */
    interface PacketHandler extends Callback {
        void callback(Pointer user, Pointer header, Pointer bytes);
    }

    static native Pointer pcap_create(String source, byte[] errbuf);

    static native int pcap_set_snaplen(Pointer pcap, int snaplen);

    static native int pcap_set_promisc(Pointer pcap, int promisc);

    static native int pcap_set_timeout(Pointer pcap, int timeoutMillis);

    static native int pcap_set_buffer_size(Pointer pcap, int bufferBytes);

    static native int pcap_set_immediate_mode(Pointer pcap, int immediate);

    static native int pcap_set_tstamp_precision(Pointer pcap, int precision);

    static native int pcap_activate(Pointer pcap);

    static native int pcap_get_tstamp_precision(Pointer pcap);

    static native int pcap_datalink(Pointer pcap);

    static native int pcap_snapshot(Pointer pcap);

    static native String pcap_geterr(Pointer pcap);

    static native String pcap_statustostr(int status);

    static native int pcap_compile(Pointer pcap, Pointer program, String expression, int optimize, int netmask);

    static native int pcap_setfilter(Pointer pcap, Pointer program);

    static native void pcap_freecode(Pointer program);

    static native int pcap_fileno(Pointer pcap);

    static native int pcap_loop(Pointer pcap, int count, PacketHandler handler, Pointer user);

    static native int pcap_dispatch(Pointer pcap, int count, PacketHandler handler, Pointer user);

    static native int pcap_setnonblock(Pointer pcap, int nonblock, byte[] errbuf);

    static native void pcap_breakloop(Pointer pcap);

    static native int pcap_stats(Pointer pcap, Pointer stats);

    static native void pcap_close(Pointer pcap);

    static native Pointer pcap_open_dead(int dlt, int snaplen);

    static native String pcap_lib_version();

    /** libpcap's message for a failed call on {@code pcap}, falling back to the status text. */
    static String errorText(Pointer pcap, int status) {
        String message = pcap_geterr(pcap);
        return message == null || message.isBlank() ? pcap_statustostr(status) : message;
    }

    /** The socket option that swaps a packet socket's classic BPF program in one step (Linux). */
    static final class Socket {
        static final int SOL_SOCKET = 1;
        static final int SO_ATTACH_FILTER = 26;
        /** {@code struct sock_fprog}: an unsigned short count, then (aligned) the instructions. */
        static final int SOCK_FPROG_SIZE = 2 * Native.POINTER_SIZE;

        static {
            Native.register(Socket.class, Platform.C_LIBRARY_NAME);
        }

        private Socket() {
        }

        static native int setsockopt(int fd, int level, int option, Pointer value, int length)
                throws LastErrorException;
    }

    private static Optional<String> load() {
        String configured = System.getProperty(LIBRARY_PROPERTY);
        List<String> names = configured == null || configured.isBlank() ? CANDIDATES : List.of(configured);
        String firstFailure = null;
        for (String name : names) {
            try {
                NativeLibrary library = NativeLibrary.getInstance(name);
                Native.register(Libpcap.class, library);
                if (System.getProperty(PCAP4J_LIBRARY_PROPERTY) == null) {
                    System.setProperty(PCAP4J_LIBRARY_PROPERTY, library.getFile().getPath());
                }
                return Optional.empty();
            } catch (UnsatisfiedLinkError e) {
                if (firstFailure == null) {
                    firstFailure = firstLines(e.getMessage());
                }
            }
        }
        return Optional.of(firstFailure);
    }

    private static String firstLines(String message) {
        if (message == null) {
            return "unknown reason";
        }
        String[] lines = message.strip().split("\\R");
        return lines.length > 1 ? lines[0].strip() + " " + lines[1].strip() : lines[0].strip();
    }
}
