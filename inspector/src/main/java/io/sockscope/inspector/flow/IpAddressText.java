package io.sockscope.inspector.flow;

/**
 * Formats IP addresses as {@code inet_ntop} (and so tcpdump) does: dotted quad for IPv4; for IPv6
 * lower-case hex groups with the longest run of two or more zero groups (the first such run on a
 * tie) written {@code ::}, and {@code ::ffff:a.b.c.d} / {@code ::a.b.c.d} for IPv4-mapped and
 * IPv4-compatible addresses.
 */
public final class IpAddressText {

    private IpAddressText() {
    }

    /** An IPv4 address given as a big-endian int. */
    public static String ipv4(int address) {
        return (address >>> 24) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF)
                + "." + (address & 0xFF);
    }

    /** An IPv6 address given as its high and low 64 bits. */
    public static String ipv6(long high, long low) {
        int[] groups = new int[8];
        for (int i = 0; i < 4; i++) {
            groups[i] = (int) (high >>> (48 - 16 * i)) & 0xFFFF;
            groups[i + 4] = (int) (low >>> (48 - 16 * i)) & 0xFFFF;
        }
        if (high == 0 && (low >>> 32) == 0xFFFFL) {
            return "::ffff:" + ipv4((int) low);
        }
        if (high == 0 && (low >>> 32) == 0 && (low & 0xFFFF0000L) != 0) {
            return "::" + ipv4((int) low);
        }
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && groups[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        if (bestLength < 2) {
            bestStart = -1;
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (i > 0 && i != bestStart + bestLength) {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    /** An address of 4 or 16 bytes. */
    public static String of(byte[] address) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(address);
        return address.length == 4 ? ipv4(b.getInt(0)) : ipv6(b.getLong(0), b.getLong(8));
    }
}
