package io.sockscope.shell.lang;

import static io.sockscope.shell.lang.Parses.assertSame;
import static io.sockscope.shell.lang.Parses.complete;
import static io.sockscope.shell.lang.Parses.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The short form: each statement means what its Python spelling means. */
class ShortFormTest {

  private static final Span N = Span.NONE;

  private static Expr sentData(String shortForm) {
    Stmt.ExprStmt s = (Stmt.ExprStmt) only(shortForm);
    return ((Expr.Call) s.expr()).arguments().getFirst();
  }

  private static Expr.BytesLiteral bytes(byte... value) {
    return new Expr.BytesLiteral(value, N);
  }

  @Test
  void socketIsSocketSocket() {
    assertSame("socket s", "s = socket.socket()");
  }

  @Test
  void socketTcpNamesTheFamilyAndType() {
    assertSame("socket s tcp", "s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)");
    assertSame("socket s TCP6", "s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)");
  }

  @Test
  void connectTakesHostColonPort() {
    assertSame("connect s 127.0.0.1:9000", "s.connect(('127.0.0.1', 9000))");
  }

  @Test
  void connectToANameUsesTheAddressItHolds() {
    assertSame("connect s echo", "s.connect(echo)");
    assertSame("connect_ex s echo", "s.connect_ex(echo)");
  }

  @Test
  void connectWithoutAHostMeansLoopback() {
    assertSame("connect s :9000", "s.connect(('127.0.0.1', 9000))");
  }

  @Test
  void connectTakesHostNamesAndBracketedIpv6() {
    assertSame("connect s localhost:80", "s.connect(('localhost', 80))");
    assertSame("connect s [::1]:9000", "s.connect(('::1', 9000))");
  }

  @Test
  void connectExAndBind() {
    assertSame("connect_ex s :9001", "s.connect_ex(('127.0.0.1', 9001))");
    assertSame("bind server 0.0.0.0:9000", "server.bind(('0.0.0.0', 9000))");
  }

  @Test
  void listenWithAndWithoutBacklog() {
    assertSame("listen server", "server.listen()");
    assertSame("listen server 5", "server.listen(5)");
  }

  @Test
  void acceptAsNamesTheNewSocket() {
    assertSame("accept server as conn", "conn, _ = server.accept()");
  }

  @Test
  void acceptAloneIsTheCall() {
    assertSame("accept server", "server.accept()");
  }

  @Test
  void sendTextIsUtf8Bytes() {
    assertSame("send s \"h\u00e9\\n\"", "s.send(b'h\\xc3\\xa9\\n')");
  }

  @Test
  void textDataTakesCEscapes() {
    assertThat(sentData("send s \"\\t\\r\\0\\x7f\\xff\\u00e9\\101\\\"\\\\\\e\""))
        .isEqualTo(bytes((byte) 9, (byte) 13, (byte) 0, (byte) 0x7f, (byte) 0xff, (byte) 0xc3,
            (byte) 0xa9, (byte) 'A', (byte) '"', (byte) '\\', (byte) 0x1b));
  }

  @Test
  void singleQuotedTextIsTextToo() {
    assertSame("send s 'it'", "s.send(b'it')");
  }

  @Test
  void bytesDataTakesPythonEscapes() {
    assertSame("sendall s b'\\x00\\n'", "s.sendall(b'\\x00\\n')");
  }

  @Test
  void hexDataTakesSeparatorsBetweenBytes() {
    byte[] hello = "Hello".getBytes(StandardCharsets.US_ASCII);
    assertThat(sentData("send s hex:48656C6c6f")).isEqualTo(bytes(hello));
    assertThat(sentData("send s hex:48:65:6c_6c:6f")).isEqualTo(bytes(hello));
    assertThat(sentData("send s hex:\"48 65 6c 6c 6f\"")).isEqualTo(bytes(hello));
  }

  @Test
  void fileDataKeepsThePath() {
    assertThat(sentData("send s @payload.bin")).isEqualTo(new Expr.FileData("payload.bin", N));
    assertThat(sentData("send s @\"my file.bin\"")).isEqualTo(new Expr.FileData("my file.bin", N));
  }

  @Test
  void sizeDataTakesBinarySuffixes() {
    assertThat(sentData("sendall s --size 64k")).isEqualTo(new Expr.GeneratedData(65536, N));
    assertThat(sentData("sendall s --size 1M")).isEqualTo(new Expr.GeneratedData(1 << 20, N));
    assertThat(sentData("sendall s --size 1g")).isEqualTo(new Expr.GeneratedData(1L << 30, N));
    assertThat(sentData("sendall s --size 100")).isEqualTo(new Expr.GeneratedData(100, N));
  }

  @Test
  void repetitionIsMultiplication() {
    assertSame("send s \"x\" * 65536", "s.send(b'x' * 65536)");
    assertSame("send s \"ab\"*64k", "s.send(b'ab' * 65536)");
  }

  @Test
  void generatedDataFollowsTheChargenPattern() {
    assertThat(Expr.GeneratedData.byteAt(0)).isEqualTo((byte) ' ');
    assertThat(Expr.GeneratedData.byteAt(71)).isEqualTo((byte) ('g'));
    assertThat(Expr.GeneratedData.byteAt(72)).isEqualTo((byte) '\r');
    assertThat(Expr.GeneratedData.byteAt(73)).isEqualTo((byte) '\n');
    assertThat(Expr.GeneratedData.byteAt(74)).isEqualTo((byte) '!');
    assertThat(Expr.GeneratedData.byteAt(74L * 95)).isEqualTo((byte) ' ');
  }

  @Test
  void recvDefaultsTo1024() {
    assertSame("recv s", "s.recv(1024)");
    assertSame("recv s 64k", "s.recv(65536)");
  }

  @Test
  void recvUntilEofIsAKeyword() {
    assertSame("recv s --until-eof", "s.recv(1024, until_eof=True)");
    assertSame("recv s --until-eof 10", "s.recv(10, until_eof=True)");
  }

  @Test
  void shutdownNamesTheDirection() {
    assertSame("shutdown s wr", "s.shutdown(socket.SHUT_WR)");
    assertSame("shutdown s RD", "s.shutdown(socket.SHUT_RD)");
    assertSame("shutdown s shut_rdwr", "s.shutdown(socket.SHUT_RDWR)");
  }

  @Test
  void closeAndTheAddressQueries() {
    assertSame("close s", "s.close()");
    assertSame("getsockname s", "s.getsockname()");
    assertSame("getpeername s", "s.getpeername()");
    assertSame("fileno s", "s.fileno()");
  }

  @Test
  void optTakesConstantsAndShortNamesInAnyCase() {
    String python = "s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)";
    assertSame("opt s SO_REUSEADDR 1", python);
    assertSame("opt s reuseaddr on", python);
    assertSame("opt s so_reuseaddr true", python);
  }

  @Test
  void optPutsTcpOptionsAtTheTcpLevel() {
    assertSame("opt s nodelay 1", "s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)");
    assertSame("opt s TCP_KEEPIDLE 30",
        "s.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE, 30)");
  }

  @Test
  void optLingerPacksThePair() {
    assertSame("opt s SO_LINGER 1,0",
        "s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))");
  }

  @Test
  void optBufferSizesTakeSuffixes() {
    assertSame("opt s rcvbuf 64k", "s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)");
  }

  @Test
  void getoptReadsAnOption() {
    assertSame("getopt s sndbuf", "s.getsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF)");
  }

  @Test
  void timeoutTakesSecondsMillisecondsOrNone() {
    assertSame("timeout s 2", "s.settimeout(2)");
    assertSame("timeout s 2.5s", "s.settimeout(2.5)");
    assertSame("timeout s 250ms", "s.settimeout(0.25)");
    assertSame("timeout s none", "s.settimeout(None)");
  }

  @Test
  void blockingTakesOnOrOff() {
    assertSame("blocking s off", "s.setblocking(False)");
    assertSame("blocking s on", "s.setblocking(True)");
  }

  @Test
  void sleepIsTimeSleep() {
    assertSame("sleep 0.5", "time.sleep(0.5)");
    assertSame("sleep 500ms", "time.sleep(0.5)");
    assertSame("sleep 2s", "time.sleep(2)");
  }

  @Test
  void serveTakesAKindAPortAndAName() {
    assertThat(only("serve echo")).isEqualTo(
        new Stmt.Serve(PeerKind.ECHO, Optional.empty(), 0, Optional.empty(), N, ""));
    assertThat(only("serve discard 9000")).isEqualTo(
        new Stmt.Serve(PeerKind.DISCARD, Optional.empty(), 9000, Optional.empty(), N, ""));
    assertThat(only("serve sink 0.0.0.0:9000 as hog")).isEqualTo(
        new Stmt.Serve(PeerKind.SINK, Optional.of("0.0.0.0"), 9000, Optional.of("hog"), N, ""));
    assertThat(only("serve CHARGEN as gen")).isEqualTo(
        new Stmt.Serve(PeerKind.CHARGEN, Optional.empty(), 0, Optional.of("gen"), N, ""));
  }

  @Test
  void stopTakesANameOrAPort() {
    assertThat(only("stop echo")).isEqualTo(new Stmt.Stop(new PeerRef.Named("echo"), N, ""));
    assertThat(only("stop 9000"))
        .isEqualTo(new Stmt.Stop(new PeerRef.AtPort(Optional.empty(), 9000), N, ""));
    assertThat(only("stop [::1]:9000"))
        .isEqualTo(new Stmt.Stop(new PeerRef.AtPort(Optional.of("::1"), 9000), N, ""));
  }

  @Test
  void sessionStatementsStandAlone() {
    assertThat(only("sockets")).isEqualTo(new Stmt.Sockets(N, ""));
    assertThat(only("peers")).isEqualTo(new Stmt.Peers(N, ""));
    assertThat(only("jobs")).isEqualTo(new Stmt.Jobs(N, ""));
    assertThat(only("exit")).isEqualTo(new Stmt.Exit(N, ""));
    assertThat(only("quit")).isEqualTo(new Stmt.Exit(N, ""));
  }

  @Test
  void helpTakesAStatementOrAMethod() {
    assertThat(only("help")).isEqualTo(new Stmt.Help(Optional.empty(), N, ""));
    assertThat(only("help connect")).isEqualTo(new Stmt.Help(Optional.of("connect"), N, ""));
    assertThat(only("help setsockopt")).isEqualTo(new Stmt.Help(Optional.of("opt"), N, ""));
  }

  @Test
  void trailingAmpersandRunsInTheBackground() {
    Stmt s = complete("recv s 10 &").statements().getFirst();
    assertThat(s).isInstanceOfSatisfying(Stmt.Background.class, b -> {
      assertThat(b.source()).isEqualTo("recv s 10 &");
      assertThat(b.call().source()).isEqualTo("recv s 10");
      assertThat(b.span()).isEqualTo(new Span(1, 1, 1, 12));
      assertThat(b.call().span()).isEqualTo(new Span(1, 1, 1, 10));
    });
    assertSame("recv s 10&", "s.recv(10) &");
  }

  @Test
  void keepsItsSourceAndSpanWithoutTheComment() {
    Stmt s = complete("connect s :9000   # the echo peer").statements().getFirst();
    assertThat(s.source()).isEqualTo("connect s :9000");
    assertThat(s.span()).isEqualTo(new Span(1, 1, 1, 16));
  }

  @Test
  void hashInsideAWordOrQuotesIsNotAComment() {
    assertThat(sentData("send s \"#1\"")).isEqualTo(bytes((byte) '#', (byte) '1'));
  }

  @Test
  void semicolonsSeparateShortAndPythonStatements() {
    assertThat(complete("socket s; connect s :9000; x = 1").statements()).hasSize(3);
  }

  @Test
  void shortFormWorksInsideBlocks() {
    Stmt.With with = (Stmt.With) only("with socket.socket() as s:\n    connect s :9000\n"
        + "    send s \"hi\"\n");
    assertThat(with.body()).hasSize(2);
    assertThat(only("if x: close s")).isInstanceOf(Stmt.If.class);
  }

  @Test
  void pythonSpellingsOfKeywordsStayPython() {
    assertThat(only("socket.socket()")).isInstanceOf(Stmt.ExprStmt.class);
    assertThat(only("close = 1")).isInstanceOf(Stmt.Assign.class);
    assertThat(only("send and x")).isInstanceOf(Stmt.ExprStmt.class);
    assertThat(only("recv(1)")).isInstanceOf(Stmt.ExprStmt.class);
    assertThat(only("timeout, x = 1, 2")).isInstanceOf(Stmt.Assign.class);
    assertThat(only("help(x)")).isInstanceOf(Stmt.ExprStmt.class);
  }

  @Test
  void expectationsFollowTheirStatement() {
    List<Stmt> statements = complete("connect c :9001\nexpect error ECONNREFUSED\n").statements();
    assertThat(statements).hasSize(2);
    assertThat(statements.get(1)).isInstanceOf(Stmt.Expect.class);
  }
}
