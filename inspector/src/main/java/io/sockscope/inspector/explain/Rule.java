package io.sockscope.inspector.explain;

/**
 * One family of explanations followed along a connection. A rule sees every segment of its
 * connection in capture order, keeps what it needs in bounded memory, and tells its
 * {@link ConnectionStory} when an explanation is complete.
 */
interface Rule {

    /** Segment {@code m} from {@code from} to {@code to}, before the {@link Direction}s change. */
    void segment(Moment m, Direction from, Direction to);

    /** Time has passed with no segment: complete what a pause completes (live sessions). */
    default void idle(long nowNanos) {
    }

    /** No more segments will come: complete everything still open. */
    void end();
}
