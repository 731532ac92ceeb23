package io.sockscope.inspector.capture;

/**
 * One interface a live capture has open, as libpcap activated it: what its frames look like
 * (link type, how much of each is kept) and how fine their timestamps are. A consumer needs it
 * before the first frame arrives, e.g. to write a pcap file header.
 *
 * @param interfaceName        the interface, as libpcap names it ({@code lo}, {@code eth0}, {@code any})
 * @param linkType             the pcap-file link type of every frame ({@link io.sockscope.inspector.pcap.LinkType})
 * @param nanosecondTimestamps true when libpcap delivers nanosecond timestamps; false when it
 *                             delivers microseconds (times are still given in nanoseconds)
 * @param snaplen              the most bytes of a frame that are captured
 */
public record CapturePoint(String interfaceName, int linkType, boolean nanosecondTimestamps, int snaplen) {
}
