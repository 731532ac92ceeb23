package io.sockscope.inspector.capture;

import io.sockscope.inspector.pcap.LinkType;

/**
 * libpcap's DLT_* numbers against the pcap-file {@link LinkType} numbers frames are labelled
 * with, so a live frame and a frame read from a file say the same thing. The two agree except
 * for raw IP.
 */
final class Dlt {

    private static final int DLT_RAW = 12;
    private static final int DLT_RAW_OPENBSD = 14;

    private Dlt() {
    }

    /** The pcap-file number for libpcap's DLT number {@code dlt}. */
    static int toLinkType(int dlt) {
        return dlt == DLT_RAW || dlt == DLT_RAW_OPENBSD ? LinkType.RAW : dlt;
    }

    /** The DLT number libpcap expects (pcap_open_dead) for the pcap-file number {@code linkType}. */
    static int fromLinkType(int linkType) {
        return linkType == LinkType.RAW ? DLT_RAW : linkType;
    }

    /** True when libpcap synthesises the link header, so kernel filter offsets differ from the frame's. */
    static boolean isCooked(int linkType) {
        return linkType == LinkType.LINUX_SLL || linkType == LinkType.LINUX_SLL2;
    }
}
