package io.sockscope.inspector.decode;

/**
 * The TCP control bits as they sit in the low 9 bits of header bytes 12–13 (RFC 9293 §3.1,
 * RFC 3168 §6.1 for ECE/CWR; the 0x100 bit is the former NS / AccECN AE bit).
 */
public final class TcpFlags {

    public static final int FIN = 0x001;
    public static final int SYN = 0x002;
    public static final int RST = 0x004;
    public static final int PSH = 0x008;
    public static final int ACK = 0x010;
    public static final int URG = 0x020;
    public static final int ECE = 0x040;
    public static final int CWR = 0x080;
    public static final int AE = 0x100;

    private TcpFlags() {
    }

    public static boolean has(int flags, int bit) {
        return (flags & bit) != 0;
    }
}
