package io.sockscope.inspector.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand-made captures ({@link SyntheticCaptures}, {@link LinkCaptures}) against tshark
 * 4.0.17's reading of them ({@code synthetic/NAME.tsv}, recorded by {@code label.py}): every field
 * the corpus test compares. The committed capture must still be what the annotated source builds.
 */
class SyntheticTruthTest {

    static Map<String, byte[]> captures() {
        Map<String, byte[]> all = new LinkedHashMap<>(SyntheticCaptures.all());
        all.putAll(LinkCaptures.all());
        all.put("options.pcap", OptionCaptures.options());
        return all;
    }

    static List<String> names() {
        return new ArrayList<>(captures().keySet());
    }

    static Path resource(String name) {
        try {
            return Path.of(SyntheticTruthTest.class.getResource("/synthetic/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void everyFrameMatchesTshark(String name) throws IOException {
        Path capture = resource(name);
        assertThat(Files.readAllBytes(capture)).as("committed %s is what the source builds", name)
                .isEqualTo(captures().get(name));
        TruthTable truth = TruthTable.read(resource(name.replaceFirst("\\.pcap(ng)?$", ".tsv")));

        TruthComparison comparison = TruthComparison.run(name, capture, truth);

        assertThat(comparison.mismatches()).as(name).isEmpty();
        assertThat(comparison.comparedValues()).isGreaterThanOrEqualTo(truth.rows().size());
        assertThat(comparison.documentedDifferences()).as("documented differences still occur")
                .containsExactlyInAnyOrderElementsOf(TruthComparison.DOCUMENTED_DIFFERENCES
                        .keySet().stream().filter(k -> k.startsWith(name + " ")).toList());
    }
}
