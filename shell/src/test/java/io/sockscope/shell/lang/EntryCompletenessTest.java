package io.sockscope.shell.lang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What the shell's continuation prompt rests on: an entry is complete, needs more lines, or is
 * wrong, by the rules of Python's own REPL.
 */
class EntryCompletenessTest {

  private static ParseResult entry(String text) {
    return Parser.parseEntry(text);
  }

  @Test
  void aSimpleStatementIsComplete() {
    assertThat(entry("s.connect(('127.0.0.1', 9000))")).isInstanceOf(ParseResult.Complete.class);
    assertThat(entry("connect s :9000")).isInstanceOf(ParseResult.Complete.class);
  }

  @Test
  void anEmptyEntryIsCompleteAndEmpty() {
    assertThat(entry("")).isEqualTo(new ParseResult.Complete(
        new Program(Parser.ENTRY_NAME, java.util.List.of())));
    assertThat(entry("   # nothing")).isInstanceOf(ParseResult.Complete.class);
  }

  @Test
  void aHeaderAloneWantsItsBlock() {
    assertThat(entry("with socket.socket() as s:"))
        .isEqualTo(new ParseResult.Incomplete("block expected after 'with'"));
  }

  @Test
  void anOpenBlockWantsMoreUntilABlankLine() {
    assertThat(entry("with socket.socket() as s:\n    s.connect(('127.0.0.1', 9000))"))
        .isEqualTo(new ParseResult.Incomplete("block not closed"));
  }

  @Test
  void aBlankLastLineClosesTheBlock() {
    assertThat(entry("with socket.socket() as s:\n    s.connect(('127.0.0.1', 9000))\n"))
        .isInstanceOf(ParseResult.Complete.class);
    assertThat(entry("while x:\n    recv s\n   "))
        .isInstanceOf(ParseResult.Complete.class);
  }

  @Test
  void aCommentAfterABlockKeepsItOpen() {
    assertThat(entry("if x:\n    a()\n# more to come"))
        .isEqualTo(new ParseResult.Incomplete("block not closed"));
  }

  @Test
  void anElseHeaderWantsItsBlock() {
    assertThat(entry("if x:\n    a()\nelse:"))
        .isEqualTo(new ParseResult.Incomplete("block expected after 'else'"));
  }

  @Test
  void aHeaderFollowedByABlankLineIsAnError() {
    assertThat(entry("if x:\n")).isEqualTo(new ParseResult.Invalid(Parser.ENTRY_NAME, 2, 1,
        "expected an indented block after 'if' statement on line 1"));
  }

  @Test
  void aTryClosedWithoutHandlersIsAnError() {
    assertThat(entry("try:\n    a()\n")).isInstanceOf(ParseResult.Invalid.class);
  }

  @Test
  void anOpenBracketWantsMore() {
    assertThat(entry("s.connect((\"127.0.0.1\",")).isEqualTo(new ParseResult.Incomplete(
        "'(' not closed"));
    assertThat(entry("x = [1,\n\n")).isInstanceOf(ParseResult.Incomplete.class);
  }

  @Test
  void aTrailingBackslashWantsMore() {
    assertThat(entry("x = 1 + \\")).isEqualTo(
        new ParseResult.Incomplete("line continues after '\\'"));
  }

  @Test
  void anOpenTripleQuotedStringWantsMore() {
    assertThat(entry("x = '''one\ntwo")).isEqualTo(
        new ParseResult.Incomplete("triple-quoted string not closed"));
  }

  @Test
  void anErrorBeforeTheEndWinsOverAnOpenBlock() {
    assertThat(entry("with a as s:\n    s.recv(1024 2\n")).isInstanceOf(ParseResult.Invalid.class);
    assertThat(entry("if x:\n    a b")).isInstanceOf(ParseResult.Invalid.class);
  }

  @Test
  void anOpenSingleQuotedStringIsAnError() {
    assertThat(entry("x = 'abc")).isInstanceOf(ParseResult.Invalid.class);
  }

  @Test
  void anUnfinishedShortFormIsAnErrorNotIncomplete() {
    assertThat(entry("connect s")).isInstanceOf(ParseResult.Invalid.class);
  }

  @Test
  void aScriptEndClosesItsBlocks() {
    assertThat(Parser.parseFile("x.sc", "with a as s:\n    s.close()"))
        .isInstanceOf(ParseResult.Complete.class);
  }

  @Test
  void aScriptEndingInAHeaderIsAnError() {
    assertThat(Parser.parseFile("x.sc", "with a as s:")).isEqualTo(new ParseResult.Invalid("x.sc",
        1, 13, "expected an indented block after 'with' statement on line 1"));
  }

  @Test
  void aScriptEndingInAnOpenBracketIsAnError() {
    assertThat(Parser.parseFile("x.sc", "s.connect((\"127.0.0.1\","))
        .isEqualTo(new ParseResult.Invalid("x.sc", 1, 11, "'(' was never closed"));
  }

  @Test
  void aScriptEndingInABackslashIsAnError() {
    assertThat(Parser.parseFile("x.sc", "x = 1 + \\")).isEqualTo(
        new ParseResult.Invalid("x.sc", 1, 9, "unexpected EOF while parsing"));
  }

  @Test
  void anEntryNamesItselfInErrors() {
    assertThat(Parser.parseEntry("<shell>", "x = )"))
        .isEqualTo(new ParseResult.Invalid("<shell>", 1, 5, "unmatched ')'"));
  }
}
