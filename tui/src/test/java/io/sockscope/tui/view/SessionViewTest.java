package io.sockscope.tui.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.engine.EngineEvent;
import io.sockscope.engine.Op;
import io.sockscope.inspector.live.SegmentOrigin;
import io.sockscope.shell.run.CaptureCount;
import io.sockscope.shell.run.CaptureStatus;
import io.sockscope.shell.run.TranscriptRecord;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionViewTest {

  private static void type(SessionView view, String text) {
    for (char c : text.toCharArray()) {
      view.press(new Key.Typed(c));
    }
  }

  private static String status(SessionView view) {
    return Rows.plain(view.statusRow());
  }

  @Test
  void tabMovesBetweenPanesClockwiseAndShiftTabBack() {
    SessionView view = EchoSession.emptyView(80, 24);
    assertThat(view.focus()).isEqualTo(Pane.SHELL);
    view.press(Key.Named.TAB);
    assertThat(view.focus()).isEqualTo(Pane.SEGMENTS);
    view.press(Key.Named.TAB);
    view.press(Key.Named.TAB);
    assertThat(view.focus()).isEqualTo(Pane.SOCKETS);
    view.press(Key.Named.TAB);
    assertThat(view.focus()).isEqualTo(Pane.SHELL);
    view.press(Key.Named.BACK_TAB);
    assertThat(view.focus()).isEqualTo(Pane.SOCKETS);
  }

  @Test
  void inTheShellTabCompletesOnceSomethingIsTyped() {
    SessionView view = EchoSession.emptyView(80, 24);
    type(view, "sock");
    view.press(Key.Named.TAB);
    assertThat(view.focus()).isEqualTo(Pane.SHELL);
    assertThat(view.input().text()).startsWith("socket");
  }

  @Test
  void enterRunsACompleteEntryAndReportsABadOneInOneLine() {
    SessionView view = EchoSession.emptyView(80, 24);
    type(view, "s = socket.socket()");
    assertThat(view.press(Key.Named.ENTER)).isInstanceOf(Command.Run.class);
    view.entryStarted("s = socket.socket()");
    view.entryEnded();
    type(view, "s.connect((");
    view.press(new Key.Ctrl('e'));
    type(view, "))))");
    Command bad = view.press(Key.Named.ENTER);
    assertThat(bad).isEqualTo(new Command.Rejected("s.connect(())))"));
    List<String> rows = Rows.of(view.shellRows());
    assertThat(rows.get(rows.size() - 2)).isEqualTo(">>> s.connect(())))");
    assertThat(rows.getLast()).startsWith("<stdin>:1:").doesNotContain("Exception");
  }

  @Test
  void aRunningEntryShowsItsCallAndCtrlCAsksToCancelIt() {
    SessionView view = EchoSession.emptyView(80, 24);
    view.entryStarted("s.recv(1024)");
    view.callStarted(new EngineEvent.CallStarted(4, "s", Op.RECV, Map.of("bufsize", 1024),
        Calls.START));
    view.tick(Calls.START + 2_500_000);
    assertThat(Rows.of(view.shellRows()).getLast())
        .isEqualTo("[4] recv s  running 2.5 s  Ctrl-C…");
    assertThat(status(view)).contains("running — Ctrl-C cancels");
    type(view, "s.close()");
    assertThat(view.press(Key.Named.ENTER)).isInstanceOf(Command.Run.class);
    assertThat(view.press(new Key.Ctrl('c'))).isInstanceOf(Command.Cancel.class);
    view.entryEnded();
    assertThat(view.press(new Key.Ctrl('c'))).isEqualTo(Command.NONE);
    assertThat(view.input().isEmpty()).isTrue();
  }

  @Test
  void f10CtrlQAndCtrlDOnAnEmptyLineQuit() {
    SessionView view = EchoSession.emptyView(80, 24);
    assertThat(view.press(Key.Named.F10)).isInstanceOf(Command.Quit.class);
    assertThat(view.press(new Key.Ctrl('q'))).isInstanceOf(Command.Quit.class);
    type(view, "x");
    assertThat(view.press(new Key.Ctrl('d'))).isEqualTo(Command.NONE);
    view.press(Key.Named.BACKSPACE);
    assertThat(view.press(new Key.Ctrl('d'))).isInstanceOf(Command.Quit.class);
  }

  @Test
  void slashFiltersAsYouTypeEnterKeepsItEscapeTakesItBack() {
    SessionView view = EchoSession.view(80, 24);
    view.press(Key.Named.TAB);
    view.press(new Key.Typed('/'));
    type(view, "F.");
    assertThat(status(view)).startsWith(" filter: F.▌");
    assertThat(view.segments().count()).isEqualTo(3);
    view.press(Key.Named.ESCAPE);
    assertThat(view.segments().count()).isEqualTo(16);
    view.press(new Key.Typed('/'));
    type(view, "peer");
    view.press(Key.Named.ENTER);
    assertThat(view.segmentsTitle()).isEqualTo("segments /peer");
    assertThat(status(view)).contains("4 rows match");
    view.press(Key.Named.ESCAPE);
    assertThat(view.segmentsTitle()).isEqualTo("segments");
  }

  @Test
  void enterInTheSegmentsShowsTheDetailAndEscapeComesBack() {
    SessionView view = EchoSession.view(80, 24);
    view.press(Key.Named.TAB);
    view.press(new Key.Typed('k'));
    view.press(Key.Named.ENTER);
    assertThat(view.focus()).isEqualTo(Pane.DETAIL);
    assertThat(Rows.of(view.detailRows()).getFirst()).startsWith("frame 10");
    view.press(Key.Named.ESCAPE);
    assertThat(view.focus()).isEqualTo(Pane.SEGMENTS);
  }

  @Test
  void questionMarkOpensTheHelpWithEveryKey() {
    SessionView view = EchoSession.view(200, 50);
    view.press(Key.Named.TAB);
    view.press(new Key.Typed('?'));
    assertThat(view.overlay()).isEqualTo(SessionView.Overlay.HELP);
    String help = String.join("\n", Rows.of(view.overlayRows(198)));
    for (String key : List.of("Tab / Shift-Tab", "F10, Ctrl-Q", "Ctrl-C", "Ctrl-R", "PgUp",
        "Home / End", "Enter", "Esc")) {
      assertThat(help).contains(key);
    }
    view.press(Key.Named.ESCAPE);
    assertThat(view.overlay()).isEqualTo(SessionView.Overlay.NONE);
    view.press(Key.Named.F1);
    assertThat(view.overlay()).isEqualTo(SessionView.Overlay.HELP);
  }

  @Test
  void lOpensTheLadderOfTheSelectedConnection() {
    SessionView view = EchoSession.view(80, 24);
    view.press(Key.Named.TAB);
    view.press(new Key.Typed('l'));
    assertThat(view.overlay()).isEqualTo(SessionView.Overlay.LADDER);
    assertThat(view.overlayTitle()).startsWith("ladder of connection 0");
    List<String> rows = Rows.of(view.overlayRows(78));
    assertThat(rows.getFirst()).isEqualTo(
        "connection 0  127.0.0.1:39564 → 127.0.0.1:47101  10 segments");
    assertThat(rows).anyMatch(r -> r.startsWith("   1  │ ── S   seq 0 win 65495 ─")
        && r.endsWith("▶ │"));
    assertThat(rows).anyMatch(r -> r.startsWith("   2  │ ◀─ S.  seq 0 ack 1")
        && r.endsWith("│  handshake"));
    view.press(new Key.Typed('l'));
    assertThat(view.overlay()).isEqualTo(SessionView.Overlay.NONE);
  }

  @Test
  void inTheSocketsPaneEnterShowsThatSocketsSegmentsAndLItsLadder() {
    SessionView view = EchoSession.view(80, 24);
    view.focus(Pane.SOCKETS);
    view.press(Key.Named.ENTER);
    assertThat(view.focus()).isEqualTo(Pane.SEGMENTS);
    assertThat(view.segmentsTitle()).isEqualTo("segments /s");
    view.focus(Pane.SOCKETS);
    view.press(new Key.Typed('l'));
    assertThat(view.overlay()).isEqualTo(SessionView.Overlay.LADDER);
  }

  @Test
  void theStatusBarNamesCaptureThePeerAndTheKeys() {
    SessionView view = EchoSession.view(80, 24);
    assertThat(status(view)).isEqualTo(
        " capture off │ echo 127.0.0.1:47101 │ Tab panes  F1 help  F10 quit");
    view.capture(new CaptureStatus.Active());
    Recorded r = Recorded.of("handshake_echo");
    view.accept(new TranscriptRecord.Segment(r.segments().get(0), OptionalLong.of(2),
        new SegmentOrigin(SegmentOrigin.Source.CALL, Optional.of("s"), Optional.empty(), false),
        true));
    view.accept(new TranscriptRecord.SegmentsFolded(OptionalLong.of(2), 12, 2, 13, true));
    assertThat(status(view)).startsWith(" capture ● 13 segments │ echo");
    view.captureCounts(List.of(new CaptureCount("lo", 9, 0)));
    assertThat(status(view)).startsWith(" lo ● 9 captured, 0 dropped │ echo");
    view.captureCounts(List.of(new CaptureCount("lo", 11, 0), new CaptureCount("eth0", 5, 2)));
    assertThat(status(view)).startsWith(" lo+eth0 ● 16 captured, 2 dropped │ echo");
    view.accept(new TranscriptRecord.Capture("ok", Optional.of("lo"), Optional.empty(),
        OptionalLong.of(14), OptionalLong.of(0)));
    assertThat(status(view)).startsWith(" lo ● 14 captured, 0 dropped │ echo");
  }

  @Test
  void theKeyHintsFitTheBarAndFollowTheFocusAndTheOverlay() {
    SessionView view = EchoSession.view(80, 24);
    view.focus(Pane.SEGMENTS);
    assertThat(status(view)).endsWith("F10 quit").doesNotContain("…")
        .contains("j/k move  Enter detail");
    view.press(new Key.Typed('?'));
    assertThat(view.overlay()).isEqualTo(SessionView.Overlay.HELP);
    assertThat(status(view)).endsWith("j/k scroll  Esc closes  F10 quit");
    SessionView wide = EchoSession.view(200, 50);
    wide.focus(Pane.SEGMENTS);
    assertThat(status(wide)).endsWith(
        "j/k move  Enter detail  l ladder  / filter  ? help  F10 quit");
  }

  @Test
  void aTerminalTooSmallOnlyQuits() {
    SessionView view = EchoSession.emptyView(50, 10);
    assertThat(view.press(Key.Named.TAB)).isEqualTo(Command.NONE);
    assertThat(view.focus()).isEqualTo(Pane.SHELL);
    assertThat(view.press(Key.Named.F10)).isInstanceOf(Command.Quit.class);
  }
}
