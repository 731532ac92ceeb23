package io.sockscope.inspector.decode;

import java.nio.ByteBuffer;

/**
 * The BSD loopback header: one 32-bit address family (LINKTYPE_NULL 0 in the byte order of the
 * host that captured, LINKTYPE_LOOP 108 always big-endian), per the tcpdump.org link-type page:
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  address family (AF_ value)                   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * AF_INET is 2 everywhere; AF_INET6 is 10 (Linux), 24 (OpenBSD, NetBSD), 28 (FreeBSD) or 30
 * (macOS). Lifetime: owned by one {@link FrameDecoder}; valid until its next decode.
 */
public final class LoopbackView {

    public static final int AF_INET = 2;

    private int family;
    private long problemValue;

    DecodeProblem decode(ByteBuffer b, int offset, int captured, boolean alwaysBigEndian) {
        if (captured < 4) {
            problemValue = captured;
            return DecodeProblem.LOOPBACK_TRUNCATED;
        }
        int raw = b.getInt(offset);
        family = !alwaysBigEndian && (raw & 0xFFFF0000) != 0 ? Integer.reverseBytes(raw) : raw;
        if (family != AF_INET && !isInet6(family)) {
            problemValue = family & 0xFFFFFFFFL;
            return DecodeProblem.LOOPBACK_FAMILY_UNSUPPORTED;
        }
        return DecodeProblem.NONE;
    }

    long problemValue() {
        return problemValue;
    }

    static boolean isInet6(int family) {
        return family == 10 || family == 24 || family == 28 || family == 30;
    }

    /** The address family in host terms (byte order already resolved). */
    public int family() {
        return family;
    }

    public boolean isIpv6() {
        return isInet6(family);
    }

    public int headerLength() {
        return 4;
    }
}
