package io.sockscope.inspector.decode;

/**
 * How far a frame decoded, gopacket style: truncation and damage are reported as a status with a
 * {@link DecodeProblem} naming what is wrong, never thrown.
 */
public enum DecodeStatus {
    /** Every layer up to and including TCP decoded. */
    OK,
    /** The captured bytes end inside a header the decoder needed. */
    TRUNCATED,
    /** A header field contradicts the header's rules (a length too small, a wrong version). */
    MALFORMED,
    /** Decoding stopped at a layer sockscope does not decode (not IP, not TCP, a fragment). */
    UNSUPPORTED
}
