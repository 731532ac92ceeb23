/**
 * TCP conversations and tshark 4.0's sequence analysis, bit-exact, plus the per-connection
 * summaries and the tcpdump one-line text every face renders.
 *
 * <p>{@link io.sockscope.inspector.flow.TcpAnalyzer} numbers connections as {@code tcp.stream}
 * (port reuse included), computes relative seq/ack/nxtseq, {@code tcp.len}, the calculated
 * window and scale factor, the fifteen analysis flags with tshark's precedence, duplicate-ACK
 * numbering and iRTT, and tracks each side's TCP state as the wire shows it. Per TCP frame it
 * can copy its results into an immutable {@link io.sockscope.inspector.flow.Segment}; per
 * connection it gives {@link io.sockscope.inspector.flow.Flow} snapshots.
 * {@link io.sockscope.inspector.flow.TcpdumpLine} prints a segment as tcpdump does.
 *
 * <h2>One pass or two</h2>
 * tshark's {@code -2} output depends on facts known only at the end of a file: each direction's
 * final window scale (a frame before its sender's SYN+ACK is printed with the scale that SYN+ACK
 * brings) and re-basing at SYN+ACKs whose ISN changed. So:
 * <ul>
 *   <li>Live, frames arrive one at a time: {@link io.sockscope.inspector.flow.TcpAnalyzer#onePass()}
 *       shows what is known so far (tshark without {@code -2}).</li>
 *   <li>A file: pass 1 with {@code onePass()} over every frame, then
 *       {@link io.sockscope.inspector.flow.TcpAnalyzer#facts()}; pass 2 with
 *       {@link io.sockscope.inspector.flow.TcpAnalyzer#secondPass(StreamFacts)} over the same
 *       frames re-runs the deterministic analysis and prints with the final facts.
 *       {@link io.sockscope.inspector.flow.CaptureAnalysis} drives both over a file.</li>
 * </ul>
 *
 * <h2>Where it differs from tshark</h2>
 * Every field of every frame of the recorded corpus equals tshark 4.0.17's. The deliberate
 * differences, each shown by a synthetic capture in the tests:
 * <ul>
 *   <li>a TCP header whose length field is impossible (longer than the packet, or below 20) is
 *       a malformed frame, not a segment; its stream is numbered as tshark numbers it;</li>
 *   <li>IP fragments are not reassembled (tshark reassembles complete sets; TCP stacks avoid
 *       fragmenting with Path MTU discovery);</li>
 *   <li>TCP headers quoted inside ICMP errors are not decoded; tshark's lookup for them can
 *       number a stream for a 4-tuple it has not seen, shifting later stream numbers;</li>
 *   <li>option listing: the list ends at the first EOL and goes on past a known option of an
 *       impossible length, as tcpdump does; the analysis is unaffected.</li>
 * </ul>
 *
 * <p>Memory is per connection: tshark's analysis state, its unacked-segment list (capped at
 * 10,000 as tshark caps it, and kept only as end numbers since only its size affects what is
 * printed) and the summary counters. A live analyser can drop connections that ended long ago
 * with {@link io.sockscope.inspector.flow.TcpAnalyzer#forgetEnded(long)}, and connections
 * quiet for long, ended or not, with
 * {@link io.sockscope.inspector.flow.TcpAnalyzer#forgetIdle(long)}. Segments and flows are
 * immutable values; the analyser itself is single-threaded.
 */
package io.sockscope.inspector.flow;
