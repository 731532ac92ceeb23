package io.sockscope.inspector.flow;

/**
 * One end of a TCP connection as the wire shows it.
 *
 * @param host      the address as text, IPv6 compressed as {@code inet_ntop} writes it
 * @param port      the TCP port
 * @param ipVersion 4 or 6
 */
public record Endpoint(String host, int port, int ipVersion) implements Comparable<Endpoint> {

    /** Orders by text of the host, then port: a stable order for keys and listings. */
    @Override
    public int compareTo(Endpoint other) {
        int byHost = host.compareTo(other.host);
        return byHost != 0 ? byHost : Integer.compare(port, other.port);
    }

    /** {@code 127.0.0.1:9000} or {@code [::1]:9000}, the SPEC §5 JSON form. */
    @Override
    public String toString() {
        return (ipVersion == 6 ? "[" + host + "]" : host) + ":" + port;
    }

    /** {@code 127.0.0.1.9000} or {@code ::1.9000}, as tcpdump writes an endpoint. */
    public String tcpdumpText() {
        return host + "." + port;
    }
}
