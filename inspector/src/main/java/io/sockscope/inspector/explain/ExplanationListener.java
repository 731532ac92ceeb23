package io.sockscope.inspector.explain;

/**
 * Receives explanations as the {@link Explainer} completes them, on the explainer's thread, in
 * the order they are completed: a face prints them, a test collects them.
 */
@FunctionalInterface
public interface ExplanationListener {

    void explained(Explanation explanation);
}
