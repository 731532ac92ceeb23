package io.sockscope.inspector.live;

import java.util.List;
import java.util.function.Supplier;

/**
 * Where a live session hands the records no call caused (the peer's data, the kernel's delayed
 * ACKs, a TIME_WAIT ending, explanations completed by a pause) while the session is idle.
 *
 * <p>Called on the live session's own thread, never on a capture thread or a caller's. The
 * outlet calls {@code take.get()} at the moment it can show the records without splitting
 * another call's lines (under its transcript's lock, say) and shows them in the order given;
 * whatever {@code take} returns is handed out once.
 */
@FunctionalInterface
public interface LiveOutlet {

    void waiting(Supplier<List<LiveRecord>> take);
}
