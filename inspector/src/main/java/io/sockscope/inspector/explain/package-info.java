/**
 * Explanations (SPEC §6): why segments look the way they do, in plain words that name the socket
 * calls involved and, where one exists, the fix.
 *
 * <pre>
 *   flow.TcpAnalyzer ─Segment─▶ Explainer ─Explanation─▶ ExplanationListener (a face)
 *                                   │   one ConnectionStory per tcp.stream:
 *                                   │   Direction ×2 (what each side has shown so far)
 *                                   │   rules, in this order: Handshake, Recovery, FlowControl,
 *                                   │   Keepalive, Timing, Data, Close
 *                                   ▼
 *                              ExplainContext: which calls caused a segment
 *                              (OFFLINE: none known → "most likely …", "(inferred from the wire)")
 * </pre>
 *
 * <h2>Streaming</h2>
 * {@link io.sockscope.inspector.explain.Explainer} takes segments one at a time in capture order
 * and tells an explanation as soon as its evidence is complete, so a file, live traffic of any
 * program and the live session all use the same code. What it cannot see it is told:
 * {@code endOfStream(stream)} (a file's first pass knows each stream's last frame),
 * {@code tick(now)} (time passes without segments, live) and {@code finish()} (end of capture).
 * Memory is bounded per open connection: counters and bounded frame samples (the first 48 and
 * last 16 frames of a run, with the count), never the segments. A connection that ended is
 * forgotten 10 s (capture time) after its end.
 *
 * <h2>The live seam</h2>
 * {@link io.sockscope.inspector.explain.ExplainContext#callsFor} answers which calls of the
 * segment's sender caused it. The rules ask it where a call decides the wording, so the live
 * session gets exact texts without a second set of rules: a RST whose call is a {@code close()}
 * with unread bytes is "close() [7] with 12 unread bytes: the kernel sent RST instead of FIN";
 * one with SO_LINGER (on, 0) is {@code rst_abort}; a SYN names its {@code connect()}; a FIN its
 * {@code close()} or {@code shutdown()}; runs of data split where the calls change and name
 * them; a segment carrying the bytes of several calls is {@code coalesced}. An explanation's
 * {@code call} is then that call's id. Offline the context knows nothing and the same rules
 * infer.
 *
 * <h2>Grouping (so a million frames give a readable handful)</h2>
 * <ul>
 *   <li>{@code data}: one per run — the new bytes one side sends until the other side sends
 *       data, this side sends FIN or RST, or it pauses for 200 ms (or four round trips); live,
 *       also where the calls change. Retransmitted bytes are not data. {@code split}: one per
 *       run that shows writes sent as several segments (Linux marks the end of a write with PSH).
 *       {@code loopback_offload}: once per side, at the first segment larger than the MSS the
 *       peer announced or, on loopback, larger than an Ethernet link carries (1,460 bytes IPv4).</li>
 *   <li>Flow control: a zero window is one story told when the window reopens —
 *       {@code window_full} (the full windows before it), {@code zero_window},
 *       {@code zero_window_probe} (a segment sent while the peer offers window 0 is a probe,
 *       whatever tshark calls it), {@code window_update}. A run of full windows without a lasting
 *       zero window is one {@code window_full}, told after 1 s without a full window or at the
 *       connection's end, with the window updates and brief (&lt; 200 ms, unprobed) zero windows
 *       inside it counted. Window updates outside such a story are routine and not explained.</li>
 *   <li>Loss: one recovery episode per direction, from the first duplicate ACK, retransmission,
 *       out-of-order or lost segment until everything sent by then is acknowledged and 1 s passes
 *       without new loss; each kind is one explanation listing its frames
 *       ({@code duplicate_ack} counts its series).</li>
 *   <li>{@code keepalive}: one per series of probes, ended by data, FIN or RST.</li>
 *   <li>{@code delayed_ack}, {@code nagle_delay}: by timing — an ACK of the peer's latest data
 *       sent 30–500 ms later with no data, at least ten round trips late; a small segment that
 *       leaves right after such a late ACK of the previous small segment.</li>
 *   <li>Opening and closing are told per event: {@code handshake}, {@code connect_refused},
 *       {@code syn_retry}, {@code reused_ports}, {@code fin} (per side), {@code half_close},
 *       {@code time_wait}, {@code close_wait} (at the end, or live after 5 s),
 *       {@code rst_unread_data} / {@code rst_abort} (offline the wire cannot tell them apart and
 *       the text says so: data received and not answered makes it {@code rst_unread_data}),
 *       {@code rst_closed}.</li>
 * </ul>
 * Explanations of one connection come in the order they complete; a face that lists them sorts
 * by first frame.
 */
package io.sockscope.inspector.explain;
