/**
 * Writes a session's transcript records: as text ({@link
 * io.sockscope.shell.render.TranscriptText}, docs/TRANSCRIPT.md) and as JSON lines ({@link
 * io.sockscope.shell.render.TranscriptJson} with {@link io.sockscope.shell.render.CallJson} for
 * SPEC §5's call record, docs/JSON.md).
 *
 * <p>Text lines are built from {@link io.sockscope.shell.render.Styled} pieces, each with a
 * {@link io.sockscope.shell.render.Role}; a {@link io.sockscope.shell.render.Styler} dresses each
 * piece for the output ({@link io.sockscope.shell.render.Styler#PLAIN} for files and pipes), so
 * a terminal palette colours by role without touching the layout. {@link
 * io.sockscope.shell.render.TranscriptText#lines} gives a record's layout to faces that place
 * lines themselves.
 */
package io.sockscope.shell.render;
