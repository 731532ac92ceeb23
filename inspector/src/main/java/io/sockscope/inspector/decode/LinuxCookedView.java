package io.sockscope.inspector.decode;

import java.nio.ByteBuffer;

/**
 * The Linux "cooked" pseudo-headers libpcap writes for captures on the "any" device, v1 (SLL,
 * LINKTYPE_LINUX_SLL 113, 16 bytes) and v2 (SLL2, LINKTYPE_LINUX_SLL2 276, 20 bytes), as
 * described in the tcpdump.org link-type pages:
 *
 * <pre>
 * SLL v1:                                 SLL2 (v2):
 * +---------------------------+           +---------------------------+
 * | packet type       (2)     |           | protocol type     (2)     |
 * | ARPHRD type       (2)     |           | reserved          (2)     |
 * | address length    (2)     |           | interface index   (4)     |
 * | address           (8)     |           | ARPHRD type       (2)     |
 * | protocol type     (2)     |           | packet type (1) | len (1) |
 * +---------------------------+           | address           (8)     |
 *                                         +---------------------------+
 * </pre>
 *
 * <p>One view serves both versions ({@link #version()}). Lifetime: owned by one
 * {@link FrameDecoder}; valid until its next decode.
 */
public final class LinuxCookedView {

    private ByteBuffer buffer;
    private int base;
    private int version;
    private long problemValue;

    DecodeProblem decode(ByteBuffer b, int offset, int captured, int version) {
        buffer = b;
        base = offset;
        this.version = version;
        if (captured < headerLength()) {
            problemValue = captured;
            return version == 1 ? DecodeProblem.SLL_TRUNCATED : DecodeProblem.SLL2_TRUNCATED;
        }
        return DecodeProblem.NONE;
    }

    long problemValue() {
        return problemValue;
    }

    /** 1 for SLL, 2 for SLL2. */
    public int version() {
        return version;
    }

    public int headerLength() {
        return version == 1 ? 16 : 20;
    }

    /** The ethertype-like protocol of the payload. */
    public int protocol() {
        return buffer.getShort(base + (version == 1 ? 14 : 0)) & 0xFFFF;
    }

    /** 0 to us, 1 broadcast, 2 multicast, 3 to someone else, 4 sent by us. */
    public int packetType() {
        return version == 1 ? buffer.getShort(base) & 0xFFFF : buffer.get(base + 10) & 0xFF;
    }

    /** The interface index (SLL2 only; 0 for SLL). */
    public int interfaceIndex() {
        return version == 1 ? 0 : buffer.getInt(base + 4);
    }

    public int arphrdType() {
        return buffer.getShort(base + (version == 1 ? 2 : 8)) & 0xFFFF;
    }
}
