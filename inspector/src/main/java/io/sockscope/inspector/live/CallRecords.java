package io.sockscope.inspector.live;

import java.util.List;

/**
 * What {@link LiveSession#settle} found for one call.
 *
 * @param before records no call caused that were waiting: shown before the call's line
 * @param call   the call's own segments, then its explanations: shown under its line
 */
public record CallRecords(List<LiveRecord> before, List<LiveRecord> call) {

    public CallRecords {
        before = List.copyOf(before);
        call = List.copyOf(call);
    }
}
