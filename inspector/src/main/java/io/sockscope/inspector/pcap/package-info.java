/**
 * Capture files in, frames out: the bottom of the inspector's offline stack.
 *
 * <pre>
 *   CaptureReader (pcap / pcapng, FileChannel + one reusable buffer)
 *        │  RawFrame cursor: bytes + atNanos, capturedLength, wireLength, linkType
 *        ▼
 *   decode.FrameDecoder (reusable header views)
 *        │  Ethernet/SLL/loopback/raw → IPv4/IPv6 → TCP
 *        ▼
 *   flow.TcpAnalyzer (tshark's conversations and sequence analysis)
 *        │  Segment records, Flow snapshots
 *        ▼
 *   renderers (tcpdump line, JSON, ladder) and explanations
 * </pre>
 *
 * <p>{@link io.sockscope.inspector.pcap.CaptureReader} reads classic pcap (microsecond or
 * nanosecond magic, either byte order) and pcapng (sections of either byte order, interfaces
 * with their own link type, {@code if_tsresol} and {@code if_tsoffset}, enhanced, simple and
 * obsolete packet blocks; other blocks skipped). Memory is constant whatever the file size.
 *
 * <p>Lifetime: the {@link io.sockscope.inspector.pcap.RawFrame} cursor and the bytes it points
 * at belong to the reader and are valid until its next {@code next()}; copy out with
 * {@code info()} and {@code copyBytes()}. Bad input is a value: an unopenable file is
 * {@link io.sockscope.inspector.pcap.CaptureOpen.Unreadable} with one line, a malformed or
 * truncated record a {@link io.sockscope.inspector.pcap.CaptureProblem} naming the frame and
 * byte offset. Nothing here throws on file contents.
 */
package io.sockscope.inspector.pcap;
