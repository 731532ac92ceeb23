package io.sockscope.inspector.flow;

/** The two ends of a connection: the client sent the first SYN, the server answered it. */
public enum Side {
    CLIENT,
    SERVER;

    public Side other() {
        return this == CLIENT ? SERVER : CLIENT;
    }
}
