/**
 * Allocation-free decoding of frame bytes into header views, in the manner of gopacket's
 * DecodingLayerParser.
 *
 * <p>A {@link io.sockscope.inspector.decode.FrameDecoder} owns one instance of each view
 * ({@link io.sockscope.inspector.decode.EthernetView} with VLAN tags,
 * {@link io.sockscope.inspector.decode.LinuxCookedView} v1/v2,
 * {@link io.sockscope.inspector.decode.LoopbackView} NULL/LOOP, raw IP,
 * {@link io.sockscope.inspector.decode.Ipv4View}, {@link io.sockscope.inspector.decode.Ipv6View}
 * with extension headers, {@link io.sockscope.inspector.decode.TcpView} with its
 * {@link io.sockscope.inspector.decode.TcpOptionCursor}). {@code decode} walks as deep as it can
 * and reports a {@link io.sockscope.inspector.decode.DecodeStatus} and a
 * {@link io.sockscope.inspector.decode.DecodeProblem} (what stopped it, at which frame byte)
 * instead of throwing. Accessors read the frame bytes on demand; checksums are not judged.
 *
 * <p>Lifetime: every view is valid until the decoder's next {@code decode}, and only while the
 * bytes it was given stay unchanged (for the file reader: until its next {@code next()}).
 * Copying out into a record, as the flow analyser does, is the one allocation per frame.
 * One decoder per thread.
 */
package io.sockscope.inspector.decode;
