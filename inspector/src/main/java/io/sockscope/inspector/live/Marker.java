package io.sockscope.inspector.live;

import io.sockscope.inspector.decode.DecodeProblem;
import io.sockscope.inspector.decode.FrameDecoder;
import io.sockscope.inspector.decode.IpProtocol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The barrier's markers: tiny UDP datagrams the session sends to itself on 127.0.0.1, one from
 * each CPU, after a call ends.
 *
 * <p>Why one per CPU: on {@code lo} the kernel queues a sent frame on the backlog of the CPU
 * that sent it and hands it to capture when that CPU's softirq takes it off the queue. Frames of
 * one backlog reach capture in order, but a busy CPU can leave its backlog to ksoftirqd while
 * another CPU's frames go first. So a marker sent from CPU {@code k} proves only that CPU {@code
 * k}'s earlier frames were delivered; with one marker from every CPU the process may run on,
 * every frame queued before the markers were sent (every frame of a call that has ended) has
 * been delivered once capture has met them all. Each marker is sent by a platform thread pinned
 * to its CPU ({@link CpuPinning}); where pinning is not possible one unpinned thread sends, and
 * the barrier is then only as good as the scheduler's placement.
 *
 * <p>A marker carries its number and its CPU's index (12 bytes); its port is in the capture
 * filter, and capture recognises and swallows it: it is never a frame of the session's traffic,
 * in the transcript or in a {@code -w} file. Lifetime: {@link #open} starts the threads, {@link
 * #close} stops them and releases the socket.
 */
final class Marker implements AutoCloseable {

    private static final int UDP_HEADER_BYTES = 8;
    private static final int PAYLOAD_BYTES = 12;
    private static final int IPV4_LOOPBACK = 0x7f000001;

    private final DatagramChannel channel;
    private final InetSocketAddress self;
    private final ByteBuffer in = ByteBuffer.allocate(64);
    private final List<Sender> senders = new ArrayList<>();
    private long number;
    private volatile boolean open = true;

    /** One sending thread, pinned to CPU {@code cpu} when possible; {@code index} names it. */
    private final class Sender {
        final int index;
        final int cpu;
        final Thread thread;
        final ByteBuffer out = ByteBuffer.allocate(PAYLOAD_BYTES);
        volatile long wanted;
        long sent;

        Sender(int index, int cpu) {
            this.index = index;
            this.cpu = cpu;
            this.thread = Thread.ofPlatform().name("sockscope-marker-" + index).daemon(true)
                    .unstarted(this::run);
        }

        private void run() {
            if (cpu >= 0) {
                CpuPinning.pin(cpu);
            }
            while (open) {
                long target = wanted;
                if (target > sent) {
                    out.clear();
                    out.putLong(target).putInt(index).flip();
                    try {
                        channel.send(out, self);
                    } catch (IOException e) {
                        return;
                    }
                    sent = target;
                    continue;
                }
                LockSupport.park(this);
            }
        }
    }

    private Marker(DatagramChannel channel, InetSocketAddress self) {
        this.channel = channel;
        this.self = self;
    }

    static Marker open() {
        Marker marker;
        try {
            DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
            channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            channel.configureBlocking(false);
            marker = new Marker(channel, (InetSocketAddress) channel.getLocalAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the capture marker socket on 127.0.0.1", e);
        }
        List<Integer> cpus = CpuPinning.allowed();
        if (cpus.isEmpty()) {
            marker.senders.add(marker.new Sender(0, -1));
        }
        for (int cpu : cpus) {
            marker.senders.add(marker.new Sender(marker.senders.size(), cpu));
        }
        marker.senders.forEach(s -> s.thread.start());
        return marker;
    }

    /** The UDP port markers are sent to. */
    int port() {
        return self.getPort();
    }

    /** How many markers each round sends (one per CPU). */
    int senders() {
        return senders.size();
    }

    /**
     * Has every sender send marker {@code n} (the next number) and returns {@code n}; first
     * empties what earlier rounds left in the socket. Called by one thread at a time.
     */
    long send() {
        try {
            in.clear();
            while (channel.receive(in) != null) {
                in.clear();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the capture marker socket", e);
        }
        long n = ++number;
        for (Sender sender : senders) {
            sender.wanted = n;
            LockSupport.unpark(sender.thread);
        }
        return n;
    }

    /**
     * The marker in the frame {@code decoder} just decoded from {@code frame}: {@code number *
     * senders + index} packed as {@link Seen}, or null when it is not one of this session's.
     */
    Seen recognise(FrameDecoder decoder, byte[] frame) {
        if (decoder.problem() != DecodeProblem.TRANSPORT_UNSUPPORTED || decoder.ipVersion() != 4
                || decoder.ipv4().protocol() != IpProtocol.UDP
                || decoder.ipv4().source() != IPV4_LOOPBACK) {
            return null;
        }
        int udp = decoder.problemOffset();
        int payload = udp + UDP_HEADER_BYTES;
        if (payload + PAYLOAD_BYTES > frame.length) {
            return null;
        }
        ByteBuffer bytes = ByteBuffer.wrap(frame);
        int port = self.getPort();
        if ((bytes.getShort(udp) & 0xffff) != port || (bytes.getShort(udp + 2) & 0xffff) != port) {
            return null;
        }
        int index = bytes.getInt(payload + 8);
        return index >= 0 && index < senders.size() ? new Seen(bytes.getLong(payload), index) : null;
    }

    /** A marker capture met: its round's number and the sender that sent it. */
    record Seen(long number, int sender) {
    }

    @Override
    public void close() {
        open = false;
        for (Sender sender : senders) {
            LockSupport.unpark(sender.thread);
        }
        boolean interrupted = false;
        for (Sender sender : senders) {
            while (sender.thread.isAlive()) {
                try {
                    sender.thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the capture marker socket", e);
        }
    }
}
