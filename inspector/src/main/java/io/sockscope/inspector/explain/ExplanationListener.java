package io.sockscope.inspector.explain;

/**
 * Receives explanations as the {@link Explainer} completes them, on the explainer's thread, in
 * the order they are completed: a face prints them, a test collects them.
 */
@FunctionalInterface
public interface ExplanationListener {

    void explained(Explanation explanation);

    /**
     * The explainer is done with connection {@code stream}: every explanation of it has been
     * given (at its end of stream, when it was forgotten after ending, or at the end of the
     * capture). A face that groups by connection can print the connection now.
     */
    default void closed(int stream) {
    }
}
