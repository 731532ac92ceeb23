package io.sockscope.engine;

/**
 * One end of a TCP connection: a numeric IP address as inet_ntop(3) writes it and a port.
 *
 * <p>This is how the kernel reports a socket's address (getsockname, getpeername, accept) and how
 * captured segments are tied to sockets: two endpoints make the 4-tuple. IPv6 flow labels and
 * scope ids are not carried (Python's 4-tuple would show them as 0, which they are on loopback).
 *
 * @param host numeric address: {@code 127.0.0.1}, {@code ::1}
 * @param port 0–65535
 */
public record Endpoint(String host, int port) {
    public Endpoint {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("endpoint host must be a numeric address, got " + host);
        }
        if (port < 0 || port > 0xffff) {
            throw new IllegalArgumentException("endpoint port must be 0-65535, got " + port);
        }
    }

    /** INET6 when the address is an IPv6 one. */
    public Family family() {
        return host.indexOf(':') >= 0 ? Family.INET6 : Family.INET;
    }

    /** {@code 127.0.0.1:9000} or {@code [::1]:9000}, as SPEC §5 writes endpoints. */
    @Override
    public String toString() {
        return family() == Family.INET6 ? "[" + host + "]:" + port : host + ":" + port;
    }
}
