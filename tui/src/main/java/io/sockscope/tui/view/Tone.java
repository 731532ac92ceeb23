package io.sockscope.tui.view;

import io.sockscope.shell.complete.Highlighting;
import io.sockscope.shell.render.Role;

/**
 * What a piece of text on the screen is, so the panes can colour it without knowing where it came
 * from: the transcript's roles, the input line's syntax classes and the segments' kinds (SYN
 * green, FIN blue, RST red, loss yellow, flow control magenta, data plain, pure ACKs dim, as the
 * line shell's palette colours them). Which colour each tone gets is the panes' business.
 */
public enum Tone {
  PLAIN,
  DIM,
  STRONG,
  CALL_ID,
  SOURCE,
  OK,
  VALUE,
  FAILURE,
  DURATION,
  NOTE,
  STATE,
  EXPECT_MET,
  EXPECT_FAILED,
  PEER,
  HEADER,
  PROMPT,
  RUNNING,
  EXPLAIN,
  SYN,
  FIN,
  RST,
  LOSS,
  FLOW_CONTROL,
  DATA,
  ACK,
  KEYWORD,
  COMMAND,
  SOCKET,
  NAME,
  CONSTANT,
  STRING,
  NUMBER,
  COMMENT,
  OPERATOR,
  ERROR;

  /** The tone of a transcript role. */
  public static Tone of(Role role) {
    return switch (role) {
      case CALL_ID -> CALL_ID;
      case SOURCE -> SOURCE;
      case OK -> OK;
      case VALUE -> VALUE;
      case FAILURE -> FAILURE;
      case DURATION -> DURATION;
      case NOTE -> NOTE;
      case STATE -> STATE;
      case EXPECT_MET -> EXPECT_MET;
      case EXPECT_FAILED -> EXPECT_FAILED;
      case PEER -> PEER;
      case HEADER -> HEADER;
      case SEGMENT_SYN -> SYN;
      case SEGMENT_FIN -> FIN;
      case SEGMENT_RST -> RST;
      case SEGMENT_LOSS -> LOSS;
      case SEGMENT_FLOW -> FLOW_CONTROL;
      case SEGMENT_DATA -> DATA;
      case SEGMENT_ACK -> ACK;
      case ORIGIN -> NOTE;
      case EXPLANATION -> EXPLAIN;
      case PLAIN -> PLAIN;
    };
  }

  /** The tone of a highlighted run of the input line. */
  public static Tone of(Highlighting.Style style) {
    return switch (style) {
      case KEYWORD -> KEYWORD;
      case COMMAND -> COMMAND;
      case SOCKET -> SOCKET;
      case NAME -> NAME;
      case CONSTANT -> CONSTANT;
      case STRING -> STRING;
      case NUMBER -> NUMBER;
      case COMMENT -> COMMENT;
      case OPERATOR -> OPERATOR;
      case ERROR -> ERROR;
    };
  }
}
