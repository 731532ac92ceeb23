package io.sockscope.inspector.flow;

import io.sockscope.inspector.decode.TcpFlags;

/**
 * A segment as tcpdump 4.99 prints it with {@code -nn}, from the endpoints on:
 * {@code 127.0.0.1.51234 > 127.0.0.1.9000: Flags [S.], seq 0, ack 1, win 65483, options [mss
 * 65495,sackOK,TS val 1 ecr 0,nop,wscale 7], length 0}.
 *
 * <p>Same words, order and option spellings as tcpdump ({@code print-tcp.c}: flag letters
 * {@code F S R P . U E W}, {@code seq A:B} when there is data, {@code seq A} on a SYN, FIN or RST
 * without data, {@code ack} only with ACK, the raw window, tcpdump's option walk including its
 * {@code [len N]} and {@code [bad opt]} reports). Deliberate differences, so that every face
 * shows the same numbers as tshark and SPEC §4:
 * <ul>
 *   <li>sequence and acknowledgment numbers are always tshark's relative ones; tcpdump prints
 *       absolute numbers on a SYN and on the first segment with ACK it sees of a connection
 *       (the SYN+ACK, or a RST answering a SYN), relative ones after that;</li>
 *   <li>no timestamp and no {@code IP}/{@code IP6} prefix;</li>
 *   <li>nothing after {@code length N}: tcpdump goes on to decode payloads of well-known ports
 *       ({@code : HTTP} and more);</li>
 *   <li>the rare options tcpdump decodes with dedicated printers (MPTCP 30, SCPS 20, TCP-AO 29)
 *       print as {@code unknown-N} with their data in hex; an MD5 signature (19) is printed as
 *       tcpdump prints it without {@code -M}.</li>
 * </ul>
 */
public final class TcpdumpLine {

    private static final int[] FLAG_BITS = {TcpFlags.FIN, TcpFlags.SYN, TcpFlags.RST,
        TcpFlags.PSH, TcpFlags.ACK, TcpFlags.URG, TcpFlags.ECE, TcpFlags.CWR};
    private static final char[] FLAG_LETTERS = {'F', 'S', 'R', 'P', '.', 'U', 'E', 'W'};
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private TcpdumpLine() {
    }

    public static String format(Segment s) {
        return appendTo(new StringBuilder(160), s).toString();
    }

    /** Appends the line to {@code out} (no newline) and returns {@code out}. */
    public static StringBuilder appendTo(StringBuilder out, Segment s) {
        out.append(s.source().host()).append('.').append(s.source().port()).append(" > ")
                .append(s.destination().host()).append('.').append(s.destination().port())
                .append(": Flags [");
        int flags = s.flags();
        boolean any = false;
        for (int i = 0; i < FLAG_BITS.length; i++) {
            if ((flags & FLAG_BITS[i]) != 0) {
                out.append(FLAG_LETTERS[i]);
                any = true;
            }
        }
        if (!any) {
            out.append("none");
        }
        out.append(']');
        if (s.length() > 0 || (flags & (TcpFlags.SYN | TcpFlags.FIN | TcpFlags.RST)) != 0) {
            out.append(", seq ").append(s.seq());
            if (s.length() > 0) {
                out.append(':').append((s.seq() + s.length()) & 0xFFFFFFFFL);
            }
        }
        if ((flags & TcpFlags.ACK) != 0) {
            out.append(", ack ").append(s.ack());
        }
        out.append(", win ").append(s.window());
        if ((flags & TcpFlags.URG) != 0) {
            out.append(", urg ").append(s.urgentPointer());
        }
        if (!s.options().isEmpty()) {
            out.append(", options [");
            if (!appendOptions(out, s.options().bytes(), s.options().sackBase())) {
                return out;
            }
            out.append(']');
        }
        return out.append(", length ").append(s.length());
    }

    /** tcpdump's option walk; false when it stopped at a bad option (tcpdump then ends the line). */
    private static boolean appendOptions(StringBuilder out, byte[] b, long sackBase) {
        int at = 0;
        int remaining = b.length;
        boolean first = true;
        while (remaining > 0) {
            if (!first) {
                out.append(',');
            }
            int kind = b[at] & 0xFF;
            at++;
            int length;
            boolean single = kind == 0 || kind == 1;
            if (single) {
                length = 1;
            } else {
                length = remaining > 1 ? b[at] & 0xFF : 0;
                at++;
                if (length < 2 || length > remaining) {
                    return bad(out, first);
                }
                remaining--;
            }
            remaining--;
            int dataLength = 0;
            out.append(name(kind));
            switch (kind) {
                case 2 -> {
                    dataLength = 2;
                    if (dataLength > remaining) {
                        return bad(out, first);
                    }
                    out.append(' ').append(u16(b, at));
                }
                case 3 -> {
                    dataLength = 1;
                    if (dataLength > remaining) {
                        return bad(out, first);
                    }
                    out.append(' ').append(b[at] & 0xFF);
                }
                case 5 -> {
                    dataLength = length - 2;
                    if (dataLength % 8 != 0) {
                        out.append(" invalid sack");
                    } else {
                        out.append(' ').append(dataLength / 8).append(' ');
                        for (int i = 0; i < dataLength; i += 8) {
                            if (i + 8 > remaining) {
                                return bad(out, first);
                            }
                            out.append('{').append((u32(b, at + i) - sackBase) & 0xFFFFFFFFL)
                                    .append(':').append((u32(b, at + i + 4) - sackBase)
                                            & 0xFFFFFFFFL).append('}');
                        }
                    }
                }
                case 6, 7, 11, 12, 13 -> {
                    dataLength = 4;
                    if (dataLength > remaining) {
                        return bad(out, first);
                    }
                    out.append(' ').append(u32(b, at));
                }
                case 8 -> {
                    dataLength = 8;
                    if (dataLength > remaining) {
                        return bad(out, first);
                    }
                    out.append(" val ").append(u32(b, at)).append(" ecr ").append(u32(b, at + 4));
                }
                case 19 -> {
                    dataLength = 16;
                    if (dataLength > remaining) {
                        return bad(out, first);
                    }
                    out.append(" shared secret not supplied with -M, can't check - ");
                    hex(out, b, at, dataLength);
                }
                case 0, 1, 4 -> {
                }
                case 28 -> {
                    dataLength = 2;
                    if (dataLength > remaining) {
                        return bad(out, first);
                    }
                    int value = u16(b, at);
                    out.append(" 0x").append(Integer.toHexString(value)).append(' ')
                            .append((value & 1) != 0 ? (value >> 1) * 60 : value >> 1);
                }
                case 34 -> {
                    dataLength = length - 2;
                    if (dataLength > remaining) {
                        return bad(out, first);
                    }
                    out.append(' ');
                    fastOpen(out, b, at, dataLength);
                }
                case 254 -> {
                    dataLength = length - 2;
                    if (dataLength > remaining || dataLength < 2) {
                        return bad(out, first);
                    }
                    int magic = u16(b, at);
                    out.append('-');
                    if (magic == 0xF989) {
                        out.append("tfo");
                        fastOpen(out, b, at + 2, dataLength - 2);
                    } else {
                        out.append(String.format("%04x", magic));
                    }
                }
                default -> {
                    dataLength = length - 2;
                    if (dataLength > remaining) {
                        return bad(out, first);
                    }
                    if (dataLength > 0) {
                        out.append(" 0x");
                        hex(out, b, at, dataLength);
                    }
                }
            }
            at += dataLength;
            remaining -= dataLength;
            int accounted = dataLength + (single ? 1 : 2);
            if (accounted != length) {
                out.append("[len ").append(length).append(']');
            }
            first = false;
            if (kind == 0) {
                break;
            }
        }
        return true;
    }

    /** tcpdump's Fast Open cookie text (RFC 7413 §4.1.1; also inside experimental option 254). */
    private static void fastOpen(StringBuilder out, byte[] b, int at, int dataLength) {
        if (dataLength == 0) {
            out.append(" cookiereq");
        } else if (dataLength % 2 != 0 || dataLength < 4 || dataLength > 16) {
            out.append(" (invalid)");
        } else {
            out.append(" cookie ");
            hex(out, b, at, dataLength);
        }
    }

    private static boolean bad(StringBuilder out, boolean first) {
        out.append("[bad opt]");
        if (!first) {
            out.append(']');
        }
        return false;
    }

    private static String name(int kind) {
        return switch (kind) {
            case 0 -> "eol";
            case 1 -> "nop";
            case 2 -> "mss";
            case 3 -> "wscale";
            case 4 -> "sackOK";
            case 5 -> "sack";
            case 6 -> "echo";
            case 7 -> "echoreply";
            case 8 -> "TS";
            case 11 -> "cc";
            case 12 -> "ccnew";
            case 13 -> "";
            case 19 -> "md5";
            case 28 -> "uto";
            case 34 -> "tfo";
            case 254 -> "exp";
            default -> "unknown-" + kind;
        };
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static long u32(byte[] b, int at) {
        return ((long) u16(b, at) << 16) | u16(b, at + 2);
    }

    private static void hex(StringBuilder out, byte[] b, int at, int length) {
        for (int i = 0; i < length; i++) {
            out.append(HEX[(b[at + i] >> 4) & 0xF]).append(HEX[b[at + i] & 0xF]);
        }
    }
}
