package io.sockscope.tui.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.shell.complete.SessionNames;
import io.sockscope.shell.complete.TabCompletion;
import io.sockscope.shell.lang.ParseResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EditLineTest {

  private static final SessionNames NAMES = new SessionNames() {
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
      return List.of(new Known("echo", "echo on 127.0.0.1:9000"));
    }
  };

  private final History history = new History(List.of("s = socket.socket()",
      "s.connect((\"127.0.0.1\", 9000))", "s.send(b\"hi\\n\")"));
  private final EditLine line = new EditLine(new TabCompletion(NAMES, Path.of(".")), history);

  private void type(String text) {
    for (char c : text.toCharArray()) {
      line.press(new Key.Typed(c));
    }
  }

  private EditLine.Result press(Key... keys) {
    EditLine.Result last = null;
    for (Key k : keys) {
      last = line.press(k);
    }
    return last;
  }

  @Test
  void emacsKeysMoveAndCut() {
    type("s.recv(1024)");
    press(new Key.Ctrl('a'));
    assertThat(line.cursor()).isZero();
    press(new Key.Alt('f'));
    assertThat(line.cursor()).isEqualTo(1);
    press(new Key.Alt('f'));
    assertThat(line.cursor()).isEqualTo(6);
    press(new Key.Ctrl('k'));
    assertThat(line.text()).isEqualTo("s.recv");
    press(new Key.Ctrl('e'), new Key.Ctrl('y'));
    assertThat(line.text()).isEqualTo("s.recv(1024)");
    press(new Key.Ctrl('w'));
    assertThat(line.text()).isEmpty();
    press(new Key.Ctrl('y'), new Key.Ctrl('b'), new Key.Ctrl('b'), new Key.Ctrl('t'));
    assertThat(line.text()).isEqualTo("s.recv(1042)");
    press(Key.Named.HOME, new Key.Ctrl('d'), new Key.Ctrl('f'), Key.Named.BACKSPACE);
    assertThat(line.text()).isEqualTo("recv(1042)");
    press(new Key.Alt('d'));
    assertThat(line.text()).isEqualTo("(1042)");
    press(Key.Named.END, new Key.Ctrl('u'));
    assertThat(line.text()).isEmpty();
  }

  @Test
  void upAndDownWalkTheHistoryAndComeBackToTheDraft() {
    type("s.cl");
    press(Key.Named.UP);
    assertThat(line.text()).isEqualTo("s.send(b\"hi\\n\")");
    press(Key.Named.UP, Key.Named.UP, Key.Named.UP);
    assertThat(line.text()).isEqualTo("s = socket.socket()");
    press(new Key.Ctrl('n'));
    assertThat(line.text()).isEqualTo("s.connect((\"127.0.0.1\", 9000))");
    press(Key.Named.DOWN, Key.Named.DOWN);
    assertThat(line.text()).isEqualTo("s.cl");
  }

  @Test
  void ctrlRFindsOlderEntriesContainingWhatIsTyped() {
    press(new Key.Ctrl('r'));
    type("s.");
    assertThat(line.prompt()).isEqualTo("(reverse-i-search)`s.': ");
    assertThat(line.text()).isEqualTo("s.send(b\"hi\\n\")");
    press(new Key.Ctrl('r'));
    assertThat(line.text()).isEqualTo("s.connect((\"127.0.0.1\", 9000))");
    type("zz");
    assertThat(line.prompt()).startsWith("(failed reverse-i-search)");
    press(Key.Named.BACKSPACE, Key.Named.BACKSPACE, Key.Named.RIGHT);
    assertThat(line.searching()).isFalse();
    assertThat(line.prompt()).isEqualTo(EditLine.PROMPT);
    assertThat(line.text()).isEqualTo("s.send(b\"hi\\n\")");
  }

  @Test
  void ctrlRThenEnterRunsTheMatchAndEscapeTakesItBack() {
    type("draft");
    press(new Key.Ctrl('r'));
    type("connect");
    press(Key.Named.ESCAPE);
    assertThat(line.text()).isEqualTo("draft");
    press(new Key.Ctrl('u'), new Key.Ctrl('r'));
    type("socket()");
    EditLine.Result r = press(Key.Named.ENTER);
    assertThat(r.submitted()).contains("s = socket.socket()");
  }

  @Test
  void tabCompletesASingleCandidateAndAddsTheBlankOfAFinishedWord() {
    type("s.sett");
    press(Key.Named.TAB);
    assertThat(line.text()).isEqualTo("s.settimeout(");
    press(new Key.Ctrl('u'));
    type("stop ec");
    press(Key.Named.TAB);
    assertThat(line.text()).isEqualTo("stop echo ");
  }

  @Test
  void severalCandidatesOpenAMenuThatTabStepsThrough() {
    type("s.con");
    press(Key.Named.TAB);
    assertThat(line.text()).isEqualTo("s.connect");
    assertThat(line.menu()).extracting(EditLine.MenuRow::value)
        .containsExactly("connect(", "connect_ex(");
    assertThat(line.menu()).noneMatch(EditLine.MenuRow::selected);
    press(Key.Named.TAB);
    assertThat(line.text()).isEqualTo("s.connect(");
    press(Key.Named.TAB);
    assertThat(line.text()).isEqualTo("s.connect_ex(");
    assertThat(line.menu().get(1).selected()).isTrue();
    press(Key.Named.ESCAPE);
    assertThat(line.text()).isEqualTo("s.connect");
    assertThat(line.menuOpen()).isFalse();
    press(Key.Named.TAB, Key.Named.TAB, new Key.Typed('('));
    assertThat(line.text()).isEqualTo("s.connect((");
    assertThat(line.menuOpen()).isFalse();
  }

  @Test
  void nothingToCompleteSaysSo() {
    type("print(\"abc");
    assertThat(press(Key.Named.TAB).message()).contains("nothing to complete here");
  }

  @Test
  void anUnfinishedEntryGoesOnIndentedUntilABlankLine() {
    type("with socket.socket() as c:");
    assertThat(press(Key.Named.ENTER).submitted()).isEmpty();
    assertThat(line.prompt()).isEqualTo(EditLine.CONTINUATION);
    assertThat(line.text()).isEqualTo("    ");
    assertThat(line.previousLines()).containsExactly("with socket.socket() as c:");
    type("c.settimeout(1)");
    press(Key.Named.ENTER);
    assertThat(line.text()).isEqualTo("    ");
    press(new Key.Ctrl('u'));
    EditLine.Result r = press(Key.Named.ENTER);
    assertThat(r.submitted()).contains("with socket.socket() as c:\n    c.settimeout(1)");
    assertThat(r.parsed()).containsInstanceOf(ParseResult.Complete.class);
    assertThat(line.isEmpty()).isTrue();
    press(Key.Named.UP);
    assertThat(line.previousLines()).containsExactly("with socket.socket() as c:");
    assertThat(line.text()).isEqualTo("    c.settimeout(1)");
  }

  @Test
  void indentationTypedOnAnIndentedLineIsNotDoubled() {
    type("with socket.socket() as c:");
    press(Key.Named.ENTER);
    type("    c.settimeout(1)");
    assertThat(line.text()).isEqualTo("    c.settimeout(1)");
    press(Key.Named.ENTER);
    type("    if True:");
    press(Key.Named.ENTER);
    type("        pass");
    assertThat(line.text()).isEqualTo("        pass");
    press(Key.Named.ENTER);
    assertThat(line.text()).isEqualTo("        ");
    type("    x = 1");
    assertThat(line.text()).as("typed indentation replaces the automatic one: a dedent")
        .isEqualTo("    x = 1");
    press(Key.Named.ENTER);
    assertThat(line.text()).isEqualTo("    ");
    type("y = 2");
    assertThat(line.text()).as("untyped, the automatic indentation stays").isEqualTo("    y = 2");
  }

  @Test
  void anInvalidEntryIsSubmittedForTheCallerToReport() {
    type("s.connect((");
    press(new Key.Ctrl('e'));
    type("1,)) )");
    EditLine.Result r = press(Key.Named.ENTER);
    assertThat(r.parsed()).containsInstanceOf(ParseResult.Invalid.class);
    assertThat(history.entries().getLast()).isEqualTo("s.connect((1,)) )");
  }

  @Test
  void highlightsSocketsAndStrings() {
    type("s.send(b\"hi\")");
    List<Span> spans = line.highlighted(n -> n.equals("s"));
    assertThat(spans.getFirst()).isEqualTo(new Span("s", Tone.SOCKET));
    assertThat(spans).contains(new Span("b\"hi\"", Tone.STRING));
    assertThat(Rows.plain(spans)).isEqualTo("s.send(b\"hi\")");
  }
}
