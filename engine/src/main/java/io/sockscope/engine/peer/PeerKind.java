package io.sockscope.engine.peer;

/** The built-in servers a session can start. */
public enum PeerKind {
    /** Sends back every byte it receives (the tutorial's echo server); closes at the client's EOF. */
    ECHO("echo"),
    /** Reads and drops everything (RFC 863); closes at the client's EOF. */
    DISCARD("discard"),
    /** Sends the RFC 864 character pattern for as long as the client reads; drops what it receives. */
    CHARGEN("chargen"),
    /** Accepts and never reads, so the client fills the windows; closes when the client closes. */
    SINK("sink");

    private final String wireName;

    PeerKind(String wireName) {
        this.wireName = wireName;
    }

    /** The name in statements and transcripts ({@code echo}). */
    public String wireName() {
        return wireName;
    }
}
