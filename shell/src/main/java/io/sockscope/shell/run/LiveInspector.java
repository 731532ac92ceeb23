package io.sockscope.shell.run;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.Engine;
import io.sockscope.shell.lang.Expectation;
import java.util.List;
import java.util.Optional;

/**
 * The live inspector's place in a session: capture of the session's own traffic, the segments
 * each call caused and the explanations of them, woven into the transcript. A session calls it
 * at five points and at no others:
 *
 * <ol>
 *   <li>{@link #start} once, before the first statement runs, with the session's engine (to add
 *       an {@link io.sockscope.engine.EngineListener} that sees every {@code CallStarted} and
 *       {@code CallEvent}, and the sockets' endpoints for a capture filter) and the transcript
 *       for records that no call caused (the peer's data, delayed ACKs, TIME_WAIT ending): they
 *       may be emitted at any time from any thread, and that sink keeps them out of calls'
 *       groups ({@link TranscriptSink#emitTogether} emits a batch as one). What it returns says
 *       whether capture runs; a run with {@code --require-capture} stops with exit code 3
 *       unless it is {@link CaptureStatus.Active}.
 *   <li>{@link #beforeCall} after every call has ended, on the thread that made it (a background
 *       job's thread for a statement ending in {@code &}), just before the call's {@link
 *       TranscriptRecord.Call}: the place to wait for the call's segments to arrive and to emit
 *       what no call caused before the call began. Calls made on other threads wait meanwhile,
 *       so that each call's records stay together.
 *   <li>{@link #afterCall} right after the call's {@link TranscriptRecord.Call}, before its
 *       {@link TranscriptRecord.State} records and before the next statement runs: the place to
 *       emit the call's segments and explanations, in order.
 *   <li>{@link #check} for {@code expect segment} and {@code expect explain}, with the calls the
 *       statement just before the {@code expect} made.
 *   <li>{@link #stop} once, when the session ends, after every socket and peer is closed (and
 *       their calls reported): the place to stop capture and emit the capture counts.
 * </ol>
 *
 * <p>Besides those points, {@link #counts} may be asked at any time from any thread, for a status
 * line. {@link NoCapture} is the implementation used when capture is off or not available.
 */
public interface LiveInspector {

  /** Starts capture for the session; see the class comment for what it may do. */
  CaptureStatus start(Engine engine, TranscriptSink transcript);

  /**
   * Gets ready to show {@code call}, which has ended: waits for its segments, and adds the
   * records no call caused that happened before it began. Nothing by default.
   */
  default void beforeCall(CallEvent call, TranscriptSink transcript) {}

  /** Adds the records of {@code call} (its segments, its explanations) to the transcript. */
  void afterCall(CallEvent call, TranscriptSink transcript);

  /**
   * Judges an {@link Expectation.Segment} or {@link Expectation.Explain} about the statement
   * just run.
   *
   * @param expectation the expectation
   * @param calls       the calls that statement made, in order (empty if it made none)
   * @param socket      the socket the expectation is about: the one it names, else the socket
   *                    of the statement's last call; its engine name as in the call records
   */
  LiveCheck check(Expectation expectation, List<CallEvent> calls, Optional<String> socket);

  /** Capture's counts so far, per interface; empty when capture is not running. */
  default List<CaptureCount> counts() {
    return List.of();
  }

  /** Ends capture and adds its closing records (the {@code capture} counts). */
  void stop(TranscriptSink transcript);

  /** Makes the live inspector for one session from the command line's capture settings. */
  @FunctionalInterface
  interface Factory {
    LiveInspector open(CaptureSettings settings);
  }
}
