package io.sockscope.shell.render;

import io.sockscope.shell.run.TranscriptRecord;
import io.sockscope.shell.run.TranscriptSink;
import java.io.PrintStream;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * The text transcript (SPEC §4, docs/TRANSCRIPT.md): one line per call with its outcome and
 * duration in a column, the kernel's view under it, the program's own output as it printed it,
 * and one line for each expectation, peer, job and note. Errors that stop a run go to the error
 * stream as {@code FILE:LINE: message}. {@link #lines} gives the layout of a record without
 * writing it, for faces that place lines themselves.
 */
public final class TranscriptText implements TranscriptSink {
  private final PrintStream out;
  private final PrintStream err;
  private final Styler styler;
  private final IntSupplier columns;
  private boolean midLine;

  public TranscriptText(PrintStream out, PrintStream err, Styler styler) {
    this(out, err, styler, () -> 0);
  }

  /**
   * @param columns the terminal's width now, for wrapping explanations to it when it is
   *                narrower than their usual 100 columns; 0 when unknown (a file, a pipe)
   */
  public TranscriptText(PrintStream out, PrintStream err, Styler styler, IntSupplier columns) {
    this.out = out;
    this.err = err;
    this.styler = styler;
    this.columns = columns;
  }

  @Override
  public synchronized void emit(TranscriptRecord record) {
    switch (record) {
      case TranscriptRecord.Output o -> {
        if (o.stream() == TranscriptRecord.Stream.STDERR) {
          err.print(o.text());
          err.flush();
        } else if (!o.text().isEmpty()) {
          out.print(o.text());
          midLine = !o.text().endsWith("\n");
          out.flush();
        }
      }
      case TranscriptRecord.Error e -> {
        endLine();
        err.println(styler.apply(e.file() + ":" + e.line() + ": " + e.text(), Role.FAILURE));
        err.flush();
      }
      default -> {
        endLine();
        int width = columns.getAsInt();
        for (TextLine line : TextLayout.lines(record, width > 0
            ? Math.min(width, LiveLayout.WIDTH) : LiveLayout.WIDTH)) {
          out.println(line.render(styler));
        }
        out.flush();
      }
    }
  }

  /** Ends a line the program left open (print(..., end="")) before a transcript line. */
  private void endLine() {
    if (midLine) {
      out.println();
      midLine = false;
    }
  }

  /** The lines a record shows as; none for output and errors, which are written as they are. */
  public static List<TextLine> lines(TranscriptRecord record) {
    return TextLayout.lines(record);
  }
}
