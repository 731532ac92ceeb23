package io.sockscope.inspector.flow;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** The recorded corpus captures under test resources {@code corpus/}, with tshark's truth. */
final class Corpus {

    static final List<String> NAMES = List.of("bind_no_listen", "close_wait_leak",
            "close_with_unread_data", "connect_refused", "half_close", "handshake_echo",
            "ipv6_echo", "keepalive", "large_transfer_lo64k", "linger_zero_abort",
            "nagle_delayed_ack", "retransmission_loss", "short_send_small_buffer",
            "time_wait_rebind", "zero_window");

    private Corpus() {
    }

    static Path file(String name) {
        try {
            return Path.of(Corpus.class.getResource("/corpus/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path capture(String name) {
        return file(name + ".pcap");
    }

    static Path truth(String name) {
        return file(name + ".tsv");
    }
}
