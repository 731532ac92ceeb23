package io.sockscope.shell.run;

/**
 * How running a program (a script, or one shell entry) ended, and the exit code that goes with
 * it (SPEC §2): 0 when every statement ran, 1 when a statement failed or an expectation was not
 * met, 3 when an expectation needed capture that is not running, the program's own code for
 * {@code exit} and {@code sys.exit(N)}.
 */
public sealed interface Outcome {

  int exitCode();

  /** Every statement ran. */
  record Completed() implements Outcome {
    @Override
    public int exitCode() {
      return 0;
    }
  }

  /** The program stopped at {@code error}, which the transcript has already shown. */
  record Stopped(TranscriptRecord.Error error) implements Outcome {
    @Override
    public int exitCode() {
      return error.kind() == TranscriptRecord.ErrorKind.CAPTURE ? 3 : 1;
    }
  }

  /** The program ended itself with {@code exit}, {@code quit} or {@code sys.exit(code)}. */
  record Exited(int code) implements Outcome {
    @Override
    public int exitCode() {
      return code;
    }
  }
}
