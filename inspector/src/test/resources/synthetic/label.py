#!/usr/bin/env python3
"""Record tshark's reading of the synthetic captures beside them: NAME.tsv for each NAME.pcap(ng).

Usage (needs tshark 4.0): python3 label.py [FILE...]   (default: every capture in this folder)

Same preferences as the corpus truth: two passes, relative sequence numbers, sequence analysis,
an empty configuration directory. Multi-valued fields joined with ','; analysis flags as 1/0.
"""
import glob, os, subprocess, sys, tempfile

FIELDS = ["frame.number", "frame.time_epoch", "frame.len", "frame.cap_len", "frame.protocols",
          "ip.src", "ip.dst", "ipv6.src", "ipv6.dst", "tcp.srcport", "tcp.dstport", "tcp.stream",
          "tcp.flags", "tcp.seq", "tcp.ack", "tcp.nxtseq", "tcp.seq_raw", "tcp.ack_raw", "tcp.len",
          "tcp.window_size_value", "tcp.window_size", "tcp.window_size_scalefactor",
          "tcp.option_kind", "tcp.options.mss_val", "tcp.options.wscale.shift",
          "tcp.options.timestamp.tsval", "tcp.options.timestamp.tsecr", "tcp.options.sack_le",
          "tcp.options.sack_re", "tcp.analysis.duplicate_ack_num",
          "tcp.analysis.duplicate_ack_frame", "tcp.analysis.initial_rtt"]
FLAGS = ["retransmission", "fast_retransmission", "spurious_retransmission", "out_of_order",
         "lost_segment", "ack_lost_segment", "duplicate_ack", "zero_window", "zero_window_probe",
         "zero_window_probe_ack", "window_full", "window_update", "keep_alive", "keep_alive_ack",
         "reused_ports"]
PREFS = ["tcp.relative_sequence_numbers:TRUE", "tcp.analyze_sequence_numbers:TRUE"]


def label(capture):
    conf = tempfile.mkdtemp()
    env = dict(os.environ, WIRESHARK_CONFIG_DIR=conf, HOME=conf, XDG_CONFIG_HOME=conf)
    argv = ["tshark", "-n", "-2", "-r", capture]
    for p in PREFS:
        argv += ["-o", p]
    argv += ["-T", "fields", "-E", "header=n", "-E", "separator=/t", "-E", "occurrence=a",
             "-E", "aggregator=,", "-E", "quote=n"]
    for f in FIELDS + ["tcp.analysis." + f for f in FLAGS]:
        argv += ["-e", f]
    out = subprocess.run(argv, check=True, stdout=subprocess.PIPE, env=env, text=True).stdout
    rows = ["\t".join(FIELDS + ["tcp.analysis." + f for f in FLAGS])]
    for line in out.splitlines():
        cells = line.split("\t")
        cells += [""] * (len(FIELDS) + len(FLAGS) - len(cells))
        flags = ["1" if c else "0" for c in cells[len(FIELDS):]]
        rows.append("\t".join(cells[:len(FIELDS)] + flags))
    with open(os.path.splitext(capture)[0] + ".tsv", "w") as f:
        f.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    files = sys.argv[1:] or sorted(glob.glob(os.path.join(here, "*.pcap"))
                                   + glob.glob(os.path.join(here, "*.pcapng")))
    for capture in files:
        label(capture)
        print(os.path.basename(capture))
