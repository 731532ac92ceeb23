package io.sockscope.engine;

/** The socket calls the engine makes, named as Python's socket methods. */
public enum Op {
    SOCKET("socket"),
    BIND("bind"),
    LISTEN("listen"),
    ACCEPT("accept"),
    CONNECT("connect"),
    CONNECT_EX("connect_ex"),
    SEND("send"),
    SENDALL("sendall"),
    RECV("recv"),
    SHUTDOWN("shutdown"),
    CLOSE("close"),
    SETSOCKOPT("setsockopt"),
    GETSOCKOPT("getsockopt"),
    SETTIMEOUT("settimeout"),
    SETBLOCKING("setblocking"),
    GETSOCKNAME("getsockname"),
    GETPEERNAME("getpeername"),
    FILENO("fileno");

    private final String wireName;

    Op(String wireName) {
        this.wireName = wireName;
    }

    /** The name in JSON lines and transcripts ({@code connect_ex}). */
    public String wireName() {
        return wireName;
    }

    /** True for calls that may wait (and so can time out or be cancelled). */
    public boolean mayBlock() {
        return switch (this) {
            case ACCEPT, CONNECT, CONNECT_EX, SEND, SENDALL, RECV -> true;
            case SOCKET, BIND, LISTEN, SHUTDOWN, CLOSE, SETSOCKOPT, GETSOCKOPT, SETTIMEOUT, SETBLOCKING,
                 GETSOCKNAME, GETPEERNAME, FILENO -> false;
        };
    }
}
