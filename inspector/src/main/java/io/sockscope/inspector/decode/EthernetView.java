package io.sockscope.inspector.decode;

import java.nio.ByteBuffer;

/**
 * The Ethernet II header and any 802.1Q / 802.1ad VLAN tags after it (IEEE 802.3 §3.2.6,
 * IEEE 802.1Q §9.6):
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  Destination MAC (6 bytes)                    |
 * +                               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                               |                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
 * |                    Source MAC (6 bytes)                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  EtherType or TPID 0x8100    | PCP |D|    VLAN ID (if tagged) |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | EtherType (after each tag)   |  payload ...
 * </pre>
 *
 * <p>Lifetime: owned by one {@link FrameDecoder}; valid until its next decode. Accessors read the
 * frame bytes on demand.
 */
public final class EthernetView {

    /** Tags beyond this many are reported as unsupported rather than walked. */
    public static final int MAX_VLAN_TAGS = 8;

    private ByteBuffer buffer;
    private int base;
    private int vlanCount;
    private int etherType;
    private int headerLength;
    private long problemValue;

    DecodeProblem decode(ByteBuffer b, int offset, int captured) {
        buffer = b;
        base = offset;
        vlanCount = 0;
        if (captured < 14) {
            problemValue = captured;
            return DecodeProblem.ETHERNET_TRUNCATED;
        }
        int at = 12;
        int type = b.getShort(offset + at) & 0xFFFF;
        while (type == EtherType.VLAN || type == EtherType.QINQ || type == EtherType.QINQ_LEGACY) {
            if (vlanCount == MAX_VLAN_TAGS) {
                problemValue = MAX_VLAN_TAGS;
                return DecodeProblem.VLAN_TOO_DEEP;
            }
            if (captured < at + 6) {
                problemValue = captured;
                return DecodeProblem.VLAN_TRUNCATED;
            }
            vlanCount++;
            at += 4;
            type = b.getShort(offset + at) & 0xFFFF;
        }
        etherType = type;
        headerLength = at + 2;
        return DecodeProblem.NONE;
    }

    long problemValue() {
        return problemValue;
    }

    public long destination() {
        return mac(base);
    }

    public long source() {
        return mac(base + 6);
    }

    private long mac(int at) {
        return ((buffer.getShort(at) & 0xFFFFL) << 32) | (buffer.getInt(at + 2) & 0xFFFFFFFFL);
    }

    /** The ethertype after the last VLAN tag. */
    public int etherType() {
        return etherType;
    }

    public int vlanCount() {
        return vlanCount;
    }

    /** The 12-bit VLAN ID of tag {@code index}, outermost first. */
    public int vlanId(int index) {
        return buffer.getShort(base + 14 + 4 * index) & 0x0FFF;
    }

    /** The tag protocol identifier (0x8100, 0x88a8 or 0x9100) of tag {@code index}. */
    public int vlanTpid(int index) {
        return buffer.getShort(base + 12 + 4 * index) & 0xFFFF;
    }

    /** Bytes from the start of the frame to the network-layer header. */
    public int headerLength() {
        return headerLength;
    }
}
