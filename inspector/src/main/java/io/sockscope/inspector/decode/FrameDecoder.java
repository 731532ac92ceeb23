package io.sockscope.inspector.decode;

import io.sockscope.inspector.pcap.CaptureInfo;
import io.sockscope.inspector.pcap.LinkType;
import io.sockscope.inspector.pcap.RawFrame;
import java.nio.ByteBuffer;

/**
 * Decodes a frame as deep as it can — link layer, IPv4 or IPv6, TCP — into views it owns and
 * reuses, in the manner of gopacket's DecodingLayerParser: no allocation per frame, no exception
 * on bad bytes, a {@link DecodeStatus} plus a {@link DecodeProblem} saying where it stopped.
 *
 * <p>Lifetime: every view returned here is valid until the next {@code decode}; copy out what
 * must outlive it. One decoder per thread.
 */
public final class FrameDecoder {

    private final EthernetView ethernet = new EthernetView();
    private final LinuxCookedView cooked = new LinuxCookedView();
    private final LoopbackView loopback = new LoopbackView();
    private final Ipv4View ipv4 = new Ipv4View();
    private final Ipv6View ipv6 = new Ipv6View();
    private final TcpView tcp = new TcpView();

    private LinkLayer link;
    private int linkType;
    private int ipVersion;
    private DecodeProblem problem = DecodeProblem.NONE;
    private long problemValue;
    private int problemOffset;

    /** The link layers this decoder knows. */
    public enum LinkLayer { ETHERNET, LINUX_COOKED, LOOPBACK, RAW_IP, UNKNOWN }

    /**
     * Decodes a frame held in an array, as live capture delivers it with its metadata. The views
     * then read {@code frame}, which must not change until the next decode.
     */
    public DecodeStatus decode(byte[] frame, CaptureInfo info) {
        return decode(ByteBuffer.wrap(frame), 0, Math.min(frame.length, info.capturedLength()),
                info.wireLength(), info.linkType());
    }

    /** Decodes a frame delivered by the file reader. */
    public DecodeStatus decode(RawFrame frame) {
        return decode(frame.buffer(), frame.offset(), frame.capturedLength(), frame.wireLength(),
                frame.linkType());
    }

    /**
     * Decodes the {@code capturedLength} bytes at {@code offset} of {@code buffer}, a frame that
     * had {@code wireLength} bytes on the wire, of link type {@code linkType} (LINKTYPE_ value).
     */
    public DecodeStatus decode(ByteBuffer buffer, int offset, int capturedLength, int wireLength,
            int linkType) {
        this.linkType = linkType;
        ipVersion = 0;
        problem = DecodeProblem.NONE;
        int wire = Math.max(wireLength, capturedLength);
        int headerLength;
        int protocol;
        switch (linkType) {
            case LinkType.ETHERNET -> {
                link = LinkLayer.ETHERNET;
                if (stop(ethernet.decode(buffer, offset, capturedLength), ethernet.problemValue(), 0)) {
                    return problem.status();
                }
                headerLength = ethernet.headerLength();
                protocol = etherTypeToVersion(ethernet.etherType());
                if (protocol < 0) {
                    return stopWith(DecodeProblem.ETHERTYPE_UNSUPPORTED, ethernet.etherType(),
                            headerLength - 2);
                }
            }
            case LinkType.LINUX_SLL, LinkType.LINUX_SLL2 -> {
                link = LinkLayer.LINUX_COOKED;
                int version = linkType == LinkType.LINUX_SLL ? 1 : 2;
                if (stop(cooked.decode(buffer, offset, capturedLength, version),
                        cooked.problemValue(), 0)) {
                    return problem.status();
                }
                headerLength = cooked.headerLength();
                protocol = etherTypeToVersion(cooked.protocol());
                if (protocol < 0) {
                    return stopWith(DecodeProblem.ETHERTYPE_UNSUPPORTED, cooked.protocol(), 0);
                }
            }
            case LinkType.NULL, LinkType.LOOP -> {
                link = LinkLayer.LOOPBACK;
                if (stop(loopback.decode(buffer, offset, capturedLength, linkType == LinkType.LOOP),
                        loopback.problemValue(), 0)) {
                    return problem.status();
                }
                headerLength = 4;
                protocol = loopback.isIpv6() ? 6 : 4;
            }
            case LinkType.RAW, LinkType.RAW_BSD, LinkType.RAW_BSDOS -> {
                link = LinkLayer.RAW_IP;
                headerLength = 0;
                if (capturedLength < 1) {
                    return stopWith(DecodeProblem.IPV4_TRUNCATED, capturedLength, 0);
                }
                protocol = (buffer.get(offset) & 0xFF) >>> 4;
                if (protocol != 4 && protocol != 6) {
                    return stopWith(DecodeProblem.IP_VERSION_UNSUPPORTED, protocol, 0);
                }
            }
            default -> {
                link = LinkLayer.UNKNOWN;
                return stopWith(DecodeProblem.LINK_TYPE_UNSUPPORTED, linkType, 0);
            }
        }
        return decodeIp(buffer, offset, capturedLength, wire, headerLength, protocol);
    }

    private DecodeStatus decodeIp(ByteBuffer buffer, int offset, int captured, int wire,
            int ipAt, int version) {
        ipVersion = version;
        int ipPayload;
        int transportAt;
        int transport;
        if (version == 4) {
            if (stop(ipv4.decode(buffer, offset + ipAt, captured - ipAt, wire - ipAt),
                    ipv4.problemValue(), ipAt)) {
                return problem.status();
            }
            ipPayload = ipv4.payloadLength();
            transportAt = ipAt + ipv4.headerLength();
            transport = ipv4.protocol();
        } else {
            if (stop(ipv6.decode(buffer, offset + ipAt, captured - ipAt, wire - ipAt),
                    ipv6.problemValue(), ipAt)) {
                return problem.status();
            }
            ipPayload = ipv6.payloadLength();
            transportAt = ipAt + ipv6.headerLength();
            transport = ipv6.protocol();
        }
        if (transport != IpProtocol.TCP) {
            return stopWith(DecodeProblem.TRANSPORT_UNSUPPORTED, transport, transportAt);
        }
        stop(tcp.decode(buffer, offset + transportAt, captured - transportAt, ipPayload),
                tcp.problemValue(), transportAt);
        return problem.status();
    }

    private static int etherTypeToVersion(int etherType) {
        return etherType == EtherType.IPV4 ? 4 : etherType == EtherType.IPV6 ? 6 : -1;
    }

    private boolean stop(DecodeProblem found, long value, int at) {
        if (found == DecodeProblem.NONE) {
            return false;
        }
        problem = found;
        problemValue = value;
        problemOffset = at;
        return true;
    }

    private DecodeStatus stopWith(DecodeProblem found, long value, int at) {
        stop(found, value, at);
        return found.status();
    }

    /** The status of the last decode. */
    public DecodeStatus status() {
        return problem.status();
    }

    /** What stopped the last decode ({@link DecodeProblem#NONE} after a full decode). */
    public DecodeProblem problem() {
        return problem;
    }

    /** Offset within the frame of the header where decoding stopped. */
    public int problemOffset() {
        return problemOffset;
    }

    /** One line: what stopped decoding and at which byte of the frame; allocates. */
    public String describeProblem() {
        return problem.describe(problemValue) + " at frame byte " + problemOffset;
    }

    /** True when the last decode reached a complete TCP header with a known payload length. */
    public boolean isTcp() {
        return problem == DecodeProblem.NONE;
    }

    public LinkLayer link() {
        return link;
    }

    public int linkType() {
        return linkType;
    }

    /** 4 or 6 once the IP header was reached, else 0. */
    public int ipVersion() {
        return ipVersion;
    }

    public EthernetView ethernet() {
        return ethernet;
    }

    public LinuxCookedView linuxCooked() {
        return cooked;
    }

    public LoopbackView loopback() {
        return loopback;
    }

    public Ipv4View ipv4() {
        return ipv4;
    }

    public Ipv6View ipv6() {
        return ipv6;
    }

    public TcpView tcp() {
        return tcp;
    }
}
