/**
 * Live capture: frames off real interfaces, with libpcap, behind the small {@link
 * io.sockscope.inspector.capture.CaptureSource} seam.
 *
 * <pre>
 *   CaptureSource (seam)          what the inspector sees: frames, filter, stats, stop
 *     └─ PcapLiveCapture          one capture over one or several interfaces
 *          └─ LiveHandle ×N       one pcap_t + one platform thread running pcap_loop
 *               └─ Libpcap        JNA mappings of libpcap (and setsockopt)
 *   CaptureInterfaces             list (Pcap4J), default route, interface of a local address
 *   CaptureAvailability, FilterCheck, OpenResult   expected outcomes as sealed values
 * </pre>
 *
 * <h2>Why the library stays behind the seam</h2>
 * This is the only package that imports Pcap4J or JNA. Everything above gets a {@link
 * io.sockscope.inspector.capture.LiveFrame} (bytes with their time, lengths, link type and
 * interface in one value) and never a library type, so decoding stays allocation-free over
 * plain byte arrays, tests above can feed frames without libpcap, and the capture library can
 * change without touching them. Pcap4J's object-per-packet decoding and its thread-local
 * timestamp are exactly what the seam keeps out. The capture loop itself calls libpcap through
 * JNA directly: Pcap4J hides the {@code pcap_t} that lossless filter replacement needs, swallows
 * exceptions thrown by listeners, and leaks a handle whose activation failed.
 *
 * <h2>Threading</h2>
 * Each interface has one platform thread (a native call would pin a virtual thread's carrier)
 * that runs {@code pcap_loop} in immediate mode and calls the {@link
 * io.sockscope.inspector.capture.FrameListener} for each frame on that thread. Frames of one
 * interface arrive in order; frames of different interfaces may be delivered concurrently.
 * Nothing is queued in Java: a slow listener leaves frames in the kernel buffer, and if that
 * fills, the kernel drops and counts them ({@link io.sockscope.inspector.capture.CaptureStats}),
 * so memory stays bounded and drops are never silent. Filter replacement, stats and stop may be
 * called from any other thread.
 *
 * <h2>Lifetime and the stop sequence</h2>
 * {@link io.sockscope.inspector.capture.PcapLiveCapture#open} creates, configures and activates
 * every handle, attaches the filter, throws away frames queued before the filter was in force,
 * then starts the threads: the capture runs from the moment it is returned. {@link
 * io.sockscope.inspector.capture.CaptureSource#stop()} then, per handle: {@code
 * pcap_breakloop} (libpcap wakes the blocked poll through an eventfd), join the thread, read
 * the final {@code pcap_stats}, and only then {@code pcap_close}. Closing a handle while
 * another thread may still be inside its loop frees the ring under it (with Pcap4J's {@code
 * getNextRawPacket} loop the same mistake hangs forever); the order above makes that
 * impossible, and a listener that wants to end the capture calls {@code requestStop()}, which
 * only breaks the loops. A thread that does not stop within 10 s is reported as a failure and
 * its handle is left open rather than closed under it.
 *
 * <h2>Filters</h2>
 * libpcap's {@code pcap_setfilter} on Linux puts a reject-everything program on the socket
 * while it swaps in the new one, and frames arriving meanwhile vanish uncounted (about 3 per
 * change at 100k frames/s); it is also unsafe to call while another thread is in {@code
 * pcap_loop} (it crashed the JVM in a test). For link types the kernel sees unchanged
 * (Ethernet, loopback, raw IP) the compiled program is attached directly with {@code
 * setsockopt(SO_ATTACH_FILTER)}, an atomic swap, from the caller's thread; cooked capture
 * ({@code any}) goes through {@code pcap_setfilter} on the loop thread between two {@code
 * pcap_loop} calls and keeps libpcap's blind window. See {@code LiveHandle}.
 */
package io.sockscope.inspector.capture;
