package io.sockscope.inspector.decode;

/** TCP option kinds (IANA "TCP Option Kind Numbers") that sockscope names. */
public final class TcpOptionKind {

    public static final int EOL = 0;
    public static final int NOP = 1;
    public static final int MSS = 2;
    public static final int WINDOW_SCALE = 3;
    public static final int SACK_PERMITTED = 4;
    public static final int SACK = 5;
    public static final int TIMESTAMPS = 8;
    public static final int USER_TIMEOUT = 28;
    public static final int FAST_OPEN = 34;

    private TcpOptionKind() {
    }
}
