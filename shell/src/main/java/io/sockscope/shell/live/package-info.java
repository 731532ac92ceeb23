/**
 * The live inspector as the shell's faces see it: {@link
 * io.sockscope.shell.live.CapturingInspector} implements {@link
 * io.sockscope.shell.run.LiveInspector} over {@code io.sockscope.inspector.live}, turning its
 * records into {@link io.sockscope.shell.run.TranscriptRecord}s (segments, folded runs,
 * explanations, capture counts) and judging {@code expect segment} and {@code expect explain}.
 *
 * <pre>
 *   Session ─ Transcript ─ beforeCall / afterCall / check / stop ─▶ CapturingInspector
 *                                                                      │  LiveChecks
 *                                                                      ▼
 *                                               inspector.live.LiveSession (capture, attribution,
 *                                                                          explanations)
 * </pre>
 */
package io.sockscope.shell.live;
