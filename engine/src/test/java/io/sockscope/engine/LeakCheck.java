package io.sockscope.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class that leaves sockets, eventfds or engine threads (platform or virtual)
 * behind: it counts them before the class and checks, with a deadline, that they are back after.
 */
public final class LeakCheck implements BeforeAllCallback, AfterAllCallback {
    private static final Pattern THREAD_NAME = Pattern.compile("\"name\": \"(sockscope-[^\"]*)\"");
    private List<String> fdsBefore;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        fdsBefore = engineFds();
        assertThat(engineThreads()).as("engine threads before " + context.getDisplayName()).isEmpty();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<String> fds = engineFds();
        List<String> threads = engineThreads();
        while ((fds.size() > fdsBefore.size() || !threads.isEmpty()) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            fds = engineFds();
            threads = engineThreads();
        }
        assertThat(fds).as("socket and eventfd fds after " + context.getDisplayName()).hasSameSizeAs(fdsBefore);
        assertThat(threads).as("engine threads after " + context.getDisplayName()).isEmpty();
    }

    /** The link targets of this process's socket and eventfd descriptors. */
    static List<String> engineFds() throws IOException {
        List<String> targets = new ArrayList<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:") || target.contains("eventfd")) {
                        targets.add(target);
                    }
                } catch (IOException closedMeanwhile) {
                    // the fd was closed between listing and reading: not ours to count
                }
            }
        }
        return targets;
    }

    /** Names of live threads called sockscope-*, virtual ones included (from a JSON thread dump). */
    static List<String> engineThreads() throws IOException {
        Path dump = Files.createTempFile("threads", ".json");
        try {
            Files.delete(dump);
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(dump.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
            Matcher names = THREAD_NAME.matcher(Files.readString(dump));
            List<String> found = new ArrayList<>();
            while (names.find()) {
                found.add(names.group(1));
            }
            return found;
        } finally {
            Files.deleteIfExists(dump);
        }
    }
}
