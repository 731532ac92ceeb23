package io.sockscope.inspector.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every frame of every corpus capture against tshark 4.0.17's reading of it ({@code truth/*.tsv},
 * made with {@code tshark -n -2}): stream, flags, relative seq/ack/nxtseq, len, raw and
 * calculated window, scale factor, all fifteen analysis flags, duplicate-ACK number and frame,
 * raw numbers, endpoints, decoded options and iRTT. No deliberate differences.
 */
class CorpusTruthTest {

    static final List<String> NAMES = Corpus.NAMES;

    @ParameterizedTest(name = "{0}")
    @FieldSource("NAMES")
    void everyFrameMatchesTshark(String name) {
        TruthComparison comparison = TruthComparison.run(name, Corpus.capture(name),
                TruthTable.read(Corpus.truth(name)));

        TruthTable truth = TruthTable.read(Corpus.truth(name));
        assertThat(comparison.mismatches()).as(name).isEmpty();
        assertThat(comparison.documentedDifferences()).as(name).isEmpty();
        assertThat(comparison.comparedValues()).as("values compared, at least 35 per frame")
                .isGreaterThanOrEqualTo(35 * truth.rows().size());
    }

    @Test
    void theCorpusExercisesTheFlagsItClaims() {
        int frames = 0;
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (String name : NAMES) {
            for (var row : TruthTable.read(Corpus.truth(name)).rows()) {
                frames++;
                for (AnalysisFlag flag : AnalysisFlag.values()) {
                    if ("1".equals(row.get("tcp.analysis." + flag.tsharkName()))) {
                        seen.add(flag.tsharkName());
                    }
                }
            }
        }
        assertThat(frames).isEqualTo(1793);
        assertThat(seen).contains("retransmission", "fast_retransmission", "out_of_order",
                "duplicate_ack", "zero_window", "window_full", "window_update", "keep_alive",
                "keep_alive_ack");
    }
}
