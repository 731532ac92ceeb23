package io.sockscope.inspector.pcap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * pcapng files: a sequence of blocks, each {@code type, total length, body, total length}.
 * A section header block fixes the byte order and starts a new set of interfaces; interface
 * description blocks give each interface its link type, snapshot length and timestamp
 * resolution/offset; enhanced, simple and (obsolete) packet blocks carry frames. Blocks of any
 * other type are skipped.
 */
final class PcapngFormat extends RecordFormat {

    static final int SECTION_HEADER = 0x0A0D0D0A;
    static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    private static final int INTERFACE_DESCRIPTION = 1;
    private static final int OBSOLETE_PACKET = 2;
    private static final int SIMPLE_PACKET = 3;
    private static final int ENHANCED_PACKET = 6;
    private static final int OPTION_END = 0;
    private static final int OPTION_IF_TSRESOL = 9;
    private static final int OPTION_IF_TSOFFSET = 14;
    private static final int MAX_INTERFACES = 1 << 16;

    private boolean swapped;
    private boolean sectionSeen;
    private int interfaceCount;
    private int[] linkTypes = new int[4];
    private int[] snapLengths = new int[4];
    private TimestampScale[] scales = new TimestampScale[4];
    private long[] offsetsNanos = new long[4];

    PcapngFormat(ByteWindow window) {
        super(window);
    }

    @Override
    String describe() {
        return "pcapng (" + (swapped ? "little-endian" : "big-endian") + ")";
    }

    @Override
    ReadStatus next(RawFrame out) throws IOException {
        while (true) {
            long blockOffset = window.fileOffset();
            int got = window.require(12);
            if (got == 0) {
                return ReadStatus.END;
            }
            if (got < 12) {
                return truncated("a block header", blockOffset, 12, got);
            }
            ByteBuffer b = window.buffer();
            int p = window.position();
            int type = b.getInt(p);
            if (type == SECTION_HEADER) {
                ReadStatus status = readSectionHeader(blockOffset);
                if (status != null) {
                    return status;
                }
                continue;
            }
            if (!sectionSeen) {
                return fail("expected a section header block first, found block type "
                        + Integer.toUnsignedString(type, 16), blockOffset);
            }
            type = swap(type);
            long length = swap(b.getInt(p + 4)) & 0xFFFFFFFFL;
            if (length < 12 || length % 4 != 0) {
                return fail("block length " + length + " is not a multiple of 4 of at least 12",
                        blockOffset);
            }
            if (type != ENHANCED_PACKET && type != SIMPLE_PACKET && type != OBSOLETE_PACKET
                    && type != INTERFACE_DESCRIPTION) {
                if (!window.skip(length)) {
                    return fail("truncated: the file ends inside a block of type " + type + " ("
                            + length + " bytes)", blockOffset);
                }
                continue;
            }
            if (length > ByteWindow.MAX_RECORD) {
                return fail("block claims " + length + " bytes; at most " + ByteWindow.MAX_RECORD
                        + " expected", blockOffset);
            }
            int total = (int) length;
            got = window.require(total);
            if (got < total) {
                return truncated("a block of type " + type, blockOffset, total, got);
            }
            b = window.buffer();
            p = window.position();
            if ((swap(b.getInt(p + total - 4)) & 0xFFFFFFFFL) != length) {
                return fail("block's trailing length differs from its leading length " + length,
                        blockOffset);
            }
            ReadStatus status = switch (type) {
                case INTERFACE_DESCRIPTION -> readInterface(b, p, total, blockOffset);
                case ENHANCED_PACKET -> readEnhanced(b, p, total, blockOffset, out);
                case SIMPLE_PACKET -> readSimple(b, p, total, blockOffset, out);
                default -> readObsolete(b, p, total, blockOffset, out);
            };
            window.skip(total);
            if (status != null) {
                return status;
            }
        }
    }

    /** Reads a section header; returns null to go on, or the status to report. */
    private ReadStatus readSectionHeader(long blockOffset) throws IOException {
        int got = window.require(28);
        if (got < 28) {
            return truncated("a section header block", blockOffset, 28, got);
        }
        ByteBuffer b = window.buffer();
        int p = window.position();
        int magic = b.getInt(p + 8);
        if (magic == BYTE_ORDER_MAGIC) {
            swapped = false;
        } else if (Integer.reverseBytes(magic) == BYTE_ORDER_MAGIC) {
            swapped = true;
        } else {
            return fail("section header byte-order magic reads 0x" + String.format("%08x", magic)
                    + ", expected 0x1a2b3c4d in either byte order", blockOffset);
        }
        long length = swap(b.getInt(p + 4)) & 0xFFFFFFFFL;
        if (length < 28 || length % 4 != 0) {
            return fail("section header block length " + length
                    + " is not a multiple of 4 of at least 28", blockOffset);
        }
        int major = swap16(b.getShort(p + 12));
        if (major != 1) {
            return fail("pcapng major version " + major + ", expected 1", blockOffset);
        }
        sectionSeen = true;
        interfaceCount = 0;
        if (!window.skip(length)) {
            return truncated("a section header block", blockOffset, (int) Math.min(length,
                    Integer.MAX_VALUE), got);
        }
        return null;
    }

    private ReadStatus readInterface(ByteBuffer b, int p, int total, long blockOffset) {
        if (total < 20) {
            return fail("interface description block of " + total + " bytes; at least 20 expected",
                    blockOffset);
        }
        if (interfaceCount == MAX_INTERFACES) {
            return fail("more than " + MAX_INTERFACES + " interfaces in one section", blockOffset);
        }
        int linkType = swap16(b.getShort(p + 8));
        int snapLength = swap(b.getInt(p + 12));
        TimestampScale scale = TimestampScale.MICROS;
        int resolution = 6;
        long offsetSeconds = 0;
        int at = p + 16;
        int end = p + total - 4;
        while (at + 4 <= end) {
            int code = swap16(b.getShort(at));
            int length = swap16(b.getShort(at + 2));
            if (code == OPTION_END) {
                break;
            }
            if (at + 4 + length > end) {
                return fail("interface option " + code + " of " + length
                        + " bytes runs past the end of its block", blockOffset);
            }
            if (code == OPTION_IF_TSRESOL && length >= 1) {
                resolution = b.get(at + 4) & 0xFF;
                scale = TimestampScale.of(resolution);
            } else if (code == OPTION_IF_TSOFFSET && length >= 8) {
                offsetSeconds = swap64(b.getLong(at + 4));
            }
            at += 4 + ((length + 3) & ~3);
        }
        if (scale == null) {
            return fail("if_tsresol 0x" + Integer.toHexString(resolution)
                    + " is finer than the 1e-27 s or 2^-63 s this reader handles", blockOffset);
        }
        if (interfaceCount == linkTypes.length) {
            int grown = interfaceCount * 2;
            linkTypes = Arrays.copyOf(linkTypes, grown);
            snapLengths = Arrays.copyOf(snapLengths, grown);
            scales = Arrays.copyOf(scales, grown);
            offsetsNanos = Arrays.copyOf(offsetsNanos, grown);
        }
        linkTypes[interfaceCount] = linkType;
        snapLengths[interfaceCount] = snapLength;
        scales[interfaceCount] = scale;
        offsetsNanos[interfaceCount] = offsetSeconds * 1_000_000_000L;
        interfaceCount++;
        return null;
    }

    private ReadStatus readEnhanced(ByteBuffer b, int p, int total, long blockOffset,
            RawFrame out) {
        if (total < 32) {
            return fail("enhanced packet block of " + total + " bytes; at least 32 expected",
                    blockOffset);
        }
        long interfaceId = swap(b.getInt(p + 8)) & 0xFFFFFFFFL;
        long units = ((swap(b.getInt(p + 12)) & 0xFFFFFFFFL) << 32)
                | (swap(b.getInt(p + 16)) & 0xFFFFFFFFL);
        long captured = swap(b.getInt(p + 20)) & 0xFFFFFFFFL;
        long wire = swap(b.getInt(p + 24)) & 0xFFFFFFFFL;
        return deliver(b, p + 28, total - 32, interfaceId, units, captured, wire, blockOffset, out);
    }

    private ReadStatus readObsolete(ByteBuffer b, int p, int total, long blockOffset,
            RawFrame out) {
        if (total < 32) {
            return fail("packet block of " + total + " bytes; at least 32 expected", blockOffset);
        }
        int interfaceId = swap16(b.getShort(p + 8));
        long units = ((swap(b.getInt(p + 12)) & 0xFFFFFFFFL) << 32)
                | (swap(b.getInt(p + 16)) & 0xFFFFFFFFL);
        long captured = swap(b.getInt(p + 20)) & 0xFFFFFFFFL;
        long wire = swap(b.getInt(p + 24)) & 0xFFFFFFFFL;
        return deliver(b, p + 28, total - 32, interfaceId, units, captured, wire, blockOffset, out);
    }

    private ReadStatus readSimple(ByteBuffer b, int p, int total, long blockOffset, RawFrame out) {
        if (total < 16) {
            return fail("simple packet block of " + total + " bytes; at least 16 expected",
                    blockOffset);
        }
        if (interfaceCount == 0) {
            return fail("simple packet block before any interface description block", blockOffset);
        }
        long wire = swap(b.getInt(p + 8)) & 0xFFFFFFFFL;
        long captured = Math.min(wire, total - 16);
        if (snapLengths[0] > 0) {
            captured = Math.min(captured, snapLengths[0]);
        }
        framesRead++;
        out.set(b, p + 12, framesRead, 0L, (int) captured,
                (int) Math.min(wire, Integer.MAX_VALUE), linkTypes[0], 0, blockOffset);
        return ReadStatus.FRAME;
    }

    private ReadStatus deliver(ByteBuffer b, int dataAt, int room, long interfaceId, long units,
            long captured, long wire, long blockOffset, RawFrame out) {
        if (interfaceId >= interfaceCount) {
            return fail("packet names interface " + interfaceId + " but the section describes "
                    + interfaceCount, blockOffset);
        }
        if (captured > room) {
            return fail("packet claims " + captured + " captured bytes but its block holds "
                    + room, blockOffset);
        }
        int id = (int) interfaceId;
        long atNanos = scales[id].toNanos(units) + offsetsNanos[id];
        framesRead++;
        out.set(b, dataAt, framesRead, atNanos, (int) captured,
                (int) Math.min(wire, Integer.MAX_VALUE), linkTypes[id], id, blockOffset);
        return ReadStatus.FRAME;
    }

    private int swap(int v) {
        return swapped ? Integer.reverseBytes(v) : v;
    }

    private int swap16(short v) {
        return (swapped ? Short.reverseBytes(v) : v) & 0xFFFF;
    }

    private long swap64(long v) {
        return swapped ? Long.reverseBytes(v) : v;
    }
}
