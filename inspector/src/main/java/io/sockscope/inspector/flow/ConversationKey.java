package io.sockscope.inspector.flow;

import io.sockscope.inspector.decode.FrameDecoder;

/**
 * The unordered pair of endpoints that names a conversation, in a canonical order (the smaller
 * endpoint first) so both directions find the same entry. The analyser keeps one mutable probe
 * that it refills per frame, so a lookup allocates nothing; entries in the table are copies.
 */
final class ConversationKey {

    private int version;
    private long firstHigh;
    private long firstLow;
    private int firstPort;
    private long secondHigh;
    private long secondLow;
    private int secondPort;
    private int hash;
    /** Per-probe, not part of equality: whether the frame's sender is the first endpoint. */
    private boolean senderFirst;

    /** Fills this probe from the decoded frame's addresses and ports. */
    void fill(FrameDecoder decoder) {
        int sourcePort = decoder.tcp().sourcePort();
        int destinationPort = decoder.tcp().destinationPort();
        long sourceHigh;
        long sourceLow;
        long destinationHigh;
        long destinationLow;
        if (decoder.ipVersion() == 4) {
            version = 4;
            sourceHigh = 0;
            destinationHigh = 0;
            sourceLow = decoder.ipv4().source() & 0xFFFFFFFFL;
            destinationLow = decoder.ipv4().destination() & 0xFFFFFFFFL;
        } else {
            version = 6;
            sourceHigh = decoder.ipv6().sourceHigh();
            sourceLow = decoder.ipv6().sourceLow();
            destinationHigh = decoder.ipv6().destinationHigh();
            destinationLow = decoder.ipv6().destinationLow();
        }
        int order = Long.compareUnsigned(sourceHigh, destinationHigh);
        if (order == 0) {
            order = Long.compareUnsigned(sourceLow, destinationLow);
        }
        if (order == 0) {
            order = Integer.compare(sourcePort, destinationPort);
        }
        senderFirst = order <= 0;
        if (senderFirst) {
            set(sourceHigh, sourceLow, sourcePort, destinationHigh, destinationLow, destinationPort);
        } else {
            set(destinationHigh, destinationLow, destinationPort, sourceHigh, sourceLow, sourcePort);
        }
    }

    private void set(long aHigh, long aLow, int aPort, long bHigh, long bLow, int bPort) {
        firstHigh = aHigh;
        firstLow = aLow;
        firstPort = aPort;
        secondHigh = bHigh;
        secondLow = bLow;
        secondPort = bPort;
        long h = firstHigh * 0x9E3779B97F4A7C15L ^ firstLow * 0xC2B2AE3D27D4EB4FL
                ^ secondHigh * 0x165667B19E3779F9L ^ secondLow * 0x85EBCA77C2B2AE63L
                ^ ((long) firstPort << 16 | secondPort) * 0x27D4EB2F165667C5L ^ version;
        hash = (int) (h ^ (h >>> 29) ^ (h >>> 47));
    }

    boolean senderFirst() {
        return senderFirst;
    }

    /** True when the frame's sender, as filled last, is the endpoint {@code aIsFirst} names. */
    boolean senderIsA(boolean aIsFirst) {
        return senderFirst == aIsFirst;
    }

    ConversationKey copy() {
        ConversationKey copy = new ConversationKey();
        copy.version = version;
        copy.firstHigh = firstHigh;
        copy.firstLow = firstLow;
        copy.firstPort = firstPort;
        copy.secondHigh = secondHigh;
        copy.secondLow = secondLow;
        copy.secondPort = secondPort;
        copy.hash = hash;
        copy.senderFirst = senderFirst;
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConversationKey k && k.hash == hash && k.firstLow == firstLow
                && k.secondLow == secondLow && k.firstPort == firstPort
                && k.secondPort == secondPort && k.firstHigh == firstHigh
                && k.secondHigh == secondHigh && k.version == version;
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
