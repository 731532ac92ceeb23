package io.sockscope.shell.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sockscope.shell.complete.SessionNames;
import io.sockscope.shell.complete.TabCompletion;
import io.sockscope.shell.complete.TypedIndent;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.EOFError;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.Test;

/** Enter on an unfinished entry continues it; a finished or wrong one is accepted. */
class EntryParserTest {

  private final EntryParser parser = new EntryParser(new TabCompletion(
      new SessionNames() {
        @Override
        public List<Known> sockets() {
          return List.of(new Known("s", "fd 5"));
        }

        @Override
        public List<Known> variables() {
          return List.of();
        }

        @Override
        public List<Known> peers() {
          return List.of();
        }
      },
      Path.of(".")), new TypedIndent());

  private EOFError continues(String text) {
    return (EOFError) org.assertj.core.api.Assertions.catchThrowable(
        () -> parser.parse(text, text.length(), ParseContext.ACCEPT_LINE));
  }

  @Test
  void blockHeaderContinuesOneLevelDeeper() {
    EOFError e = continues("with socket.socket() as s:");
    assertThat(e).isNotNull();
    assertThat(e.getOpenBrackets()).isEqualTo(1);
    assertThat(e.getMessage()).isNotBlank();
  }

  @Test
  void blockBodyContinuesAtItsLevelUntilABlankLine() {
    assertThat(continues("with socket.socket() as s:\n    s.connect((\"h\", 1))")
        .getOpenBrackets()).isEqualTo(1);
    assertThat(continues("while True:\n    if x:").getOpenBrackets()).isEqualTo(2);
    assertThat(parser.parse("with socket.socket() as s:\n    s.close()\n    ", 40,
        ParseContext.ACCEPT_LINE).line()).endsWith("    ");
    assertThat(parser.parse("with socket.socket() as s:\n    s.close()\n", 39,
        ParseContext.ACCEPT_LINE)).isInstanceOf(EntryLine.class);
  }

  @Test
  void openBracketContinuesWithoutIndenting() {
    assertThat(continues("s.send(b\"x\" *").getOpenBrackets()).isZero();
    assertThat(continues("x = \"\"\"first").getOpenBrackets()).isZero();
    assertThat(continues("s.send(b\"x\") \\").getOpenBrackets()).isZero();
  }

  @Test
  void headerWithACommentStillOpensABlock() {
    assertThat(continues("if True:  # always").getOpenBrackets()).isEqualTo(1);
  }

  @Test
  void completeAndInvalidEntriesAreAccepted() {
    assertThat(parser.parse("s.close()", 9, ParseContext.ACCEPT_LINE).line())
        .isEqualTo("s.close()");
    assertThat(parser.parse("connect s", 9, ParseContext.ACCEPT_LINE).line())
        .isEqualTo("connect s");
    assertThat(parser.parse("", 0, ParseContext.ACCEPT_LINE).line()).isEmpty();
  }

  @Test
  void otherContextsNeverContinue() {
    assertThat(parser.parse("with a as s:", 12, ParseContext.UNSPECIFIED).line())
        .isEqualTo("with a as s:");
    assertThat(parser.parse("with a as s:", 12, ParseContext.SECONDARY_PROMPT))
        .isInstanceOf(EntryLine.class);
  }

  @Test
  void completionContextCarriesTheWordAndItsCandidates() {
    EntryLine line = (EntryLine) parser.parse("x = 1; s.con", 12, ParseContext.COMPLETE);
    assertThat(line.word()).isEqualTo("con");
    assertThat(line.wordCursor()).isEqualTo(3);
    assertThat(line.rawWordLength()).isEqualTo(3);
    assertThat(line.completions().values()).containsExactly("connect(", "connect_ex(");
    assertThat(line.escape("a b", true)).isEqualTo("a b");
  }

  @Test
  void levelsCountTabsAsOneLevel() {
    assertThat(EntryParser.levels("if x:\n\tif y:", 12)).isEqualTo(2);
    assertThat(EntryParser.levels("   ", 3)).isZero();
  }

  @Test
  void escapeCharactersAreNotSpecial() {
    assertThat(parser.isEscapeChar('\\')).isFalse();
    assertThatThrownBy(() -> parser.parse("(", 1, ParseContext.ACCEPT_LINE))
        .isInstanceOf(EOFError.class);
  }
}
