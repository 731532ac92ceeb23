package io.sockscope.inspector.flow;

import java.util.List;

/**
 * One TCP option of a {@link Segment}, decoded from its compact {@link TcpOptions} bytes. Numbers
 * are as on the wire (SACK edges raw; {@link TcpOptions#sackBase()} makes them relative).
 */
public sealed interface TcpOption {

    /** End of option list (kind 0). */
    record Eol() implements TcpOption {
    }

    /** No-operation padding (kind 1). */
    record Nop() implements TcpOption {
    }

    /** Maximum segment size (kind 2, RFC 9293 §3.7.1). */
    record Mss(int bytes) implements TcpOption {
    }

    /** Window scale shift as sent (kind 3, RFC 7323 §2); values above 14 are used as 14. */
    record WindowScale(int shift) implements TcpOption {
    }

    /** SACK permitted (kind 4, RFC 2018 §2). */
    record SackPermitted() implements TcpOption {
    }

    /** SACK blocks (kind 5, RFC 2018 §3), raw edges. */
    record Sack(List<SackBlock> blocks) implements TcpOption {
    }

    /** One SACK block: bytes {@code left} up to but excluding {@code right}. */
    record SackBlock(long left, long right) {
    }

    /** Timestamps (kind 8, RFC 7323 §3). */
    record Timestamps(long value, long echoReply) implements TcpOption {
    }

    /** TCP Fast Open cookie (kind 34, RFC 7413 §4.1.1); an empty cookie is a cookie request. */
    record FastOpen(byte[] cookie) implements TcpOption {
    }

    /** Any other kind, or a known kind with the wrong length: its number and data bytes. */
    record Other(int kind, byte[] data) implements TcpOption {
    }

    /** The walk stopped here: kind {@code kind} with an impossible length. */
    record Malformed(int kind) implements TcpOption {
    }
}
