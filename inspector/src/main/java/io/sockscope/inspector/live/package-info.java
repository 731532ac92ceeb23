/**
 * The live inspector of a session: capture of the session's own traffic, each segment tied to
 * the call that caused it, explanations that name those calls exactly, handed out per call and
 * between calls. It knows the engine and the inspector's other packages, and nothing of the
 * shell: faces turn its {@link io.sockscope.inspector.live.LiveRecord}s into what they show.
 *
 * <h2>The stack</h2>
 * <pre>
 *   LiveSession        start(Engine, LiveOptions, LiveOutlet) → Started | Unavailable
 *    │                 settle(CallEvent) → CallRecords     drain()  catchUp()  summary(id)  stop()
 *    ├ SessionCapture  one PcapLiveCapture per interface (Interfaces: lo, the route's, -i),
 *    │  │              the filter (Books.ports(): the sockets', peers' and connect targets' ports
 *    │  │              plus the marker's), the barrier (Marker: one datagram per CPU)
 *    │  └ FrameIntake  capture threads: decode once, swallow markers, number frames, -w file,
 *    │                 TcpAnalyzer.onePass() → Segment queue
 *    ├ Books           engine events → sockets (SocketBook), calls (CallInfo), peers, by 4-tuple
 *    ├ Pipeline        Attribution → History, Explainer (ExplainContext = this) → routing:
 *    │                 a call's group (Folding) while it is to be shown, else Between
 *    ├ LiveCodes       short_send, short_recv, coalesced, eof, handshake_before_accept,
 *    │                 close_wait; AddressInUse (addr_in_use, from /proc/net/tcp)
 *    └ Lingering       closed sockets whose connection the kernel still holds, until released
 * </pre>
 *
 * <h2>Attribution</h2>
 * A segment belongs to the call that caused it, found by its 4-tuple and by the calls' time
 * windows on the sockets at both ends (kernel timestamps and call times are both
 * CLOCK_REALTIME): a SYN to its connect(), data to the send() or sendall() whose bytes it
 * carries (by stream offset), a FIN to its close() or shutdown(), a RST to the close() it came
 * out of, and what the kernel did while a connect(), accept() or recv() waited to that call.
 * The sender's side is asked first, so a segment between two of the session's own sockets is
 * shown once. What no call caused is the sender's kernel's (an ACK, a retransmission, the last
 * ACK of TIME_WAIT, a handshake into a listen backlog) or the peer's. See {@link
 * io.sockscope.inspector.live.Attribution}.
 *
 * <h2>The barrier</h2>
 * A call's line must come with every segment it caused, so {@link
 * io.sockscope.inspector.live.LiveSession#settle} first waits until capture has delivered every
 * frame the kernel queued before the call ended. On {@code lo} that is exact: the session sends
 * a marker datagram to itself from each CPU (each CPU's queue of loopback frames reaches capture
 * in order) and waits for capture to meet all of them. Elsewhere it waits for the interface to
 * be quiet for 2 ms, at most 50 ms. docs/BENCHMARKS.md has what it costs.
 *
 * <h2>Threads and locks</h2>
 * Capture threads (one per interface) only decode, analyse and queue, under the intake's lock;
 * they never wait for anything else. Attribution, explanation and routing run under one
 * pipeline lock, on the thread that settles a call, or while calls are idle on the session's
 * own thread ({@code sockscope-live}), which also ticks the explainer (a pause completes a run
 * of data) and watches closed sockets leave the kernel. Engine listeners update the books under
 * the same lock and change the capture filter (atomically in the kernel) before a connect()'s
 * SYN leaves. {@link io.sockscope.inspector.live.LiveSession#stop} stops every thread.
 */
package io.sockscope.inspector.live;
