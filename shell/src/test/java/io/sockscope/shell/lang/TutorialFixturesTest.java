package io.sockscope.shell.lang;

import static io.sockscope.shell.lang.Parses.attr;
import static io.sockscope.shell.lang.Parses.call;
import static io.sockscope.shell.lang.Parses.complete;
import static io.sockscope.shell.lang.Parses.fixture;
import static io.sockscope.shell.lang.Parses.integer;
import static io.sockscope.shell.lang.Parses.name;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The tutorials users paste parse as they are, into the statements they mean. */
class TutorialFixturesTest {

  @Test
  void echoServerParsesIntoTheWithBlockAndItsLoop() {
    Program p = SpanEraser.erase(complete(fixture("echo-server.py")));
    assertThat(p.statements()).hasSize(4);
    Stmt.With outer = (Stmt.With) p.statements().get(3);
    assertThat(outer.items().getFirst().target()).contains(new Target.Name("s", Span.NONE));
    assertThat(outer.items().getFirst().context()).isEqualTo(call(attr(name("socket"), "socket"),
        attr(name("socket"), "AF_INET"), attr(name("socket"), "SOCK_STREAM")));
    assertThat(outer.body()).hasSize(4);
    Stmt.Assign accept = (Stmt.Assign) outer.body().get(2);
    assertThat(accept.targets()).containsExactly(new Target.Tuple(
        List.of(new Target.Name("conn", Span.NONE), new Target.Name("addr", Span.NONE)),
        Span.NONE));
    Stmt.With inner = (Stmt.With) outer.body().get(3);
    Stmt.While loop = (Stmt.While) inner.body().get(1);
    assertThat(loop.test()).isEqualTo(new Expr.BoolLiteral(true, Span.NONE));
    Stmt.If ifNotData = (Stmt.If) loop.body().get(1);
    assertThat(ifNotData.body()).containsExactly(new Stmt.Break(Span.NONE, ""));
  }

  @Test
  void echoServerKeepsTheSourceOfEachStatementWithoutItsComment() {
    Program p = complete(fixture("echo-server.py"));
    assertThat(p.statements()).extracting(Stmt::source).containsExactly(
        "import socket",
        "HOST = \"127.0.0.1\"",
        "PORT = 65432",
        "with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:");
    Stmt.With with = (Stmt.With) p.statements().get(3);
    assertThat(with.body().get(0).source()).isEqualTo("s.bind((HOST, PORT))");
    assertThat(with.body().get(0).span()).isEqualTo(new Span(8, 5, 8, 25));
  }

  @Test
  void echoServerPrintsAnFStringField() {
    Program p = SpanEraser.erase(complete(fixture("echo-server.py")));
    Stmt.With inner = (Stmt.With) ((Stmt.With) p.statements().get(3)).body().get(3);
    Expr print = ((Stmt.ExprStmt) inner.body().getFirst()).expr();
    assertThat(print).isEqualTo(call(name("print"), new Expr.FString(List.of(
        new Expr.FStringPart.Text("Connected by "),
        new Expr.FStringPart.Field(name("addr"), Optional.empty(), List.of())), Span.NONE)));
  }

  @Test
  void echoClientParsesWithTheReprConversion() {
    Program p = SpanEraser.erase(complete(fixture("echo-client.py")));
    assertThat(p.statements()).hasSize(5);
    Expr print = ((Stmt.ExprStmt) p.statements().get(4)).expr();
    assertThat(print).isEqualTo(call(name("print"), new Expr.FString(List.of(
        new Expr.FStringPart.Text("Received "),
        new Expr.FStringPart.Field(name("data"), Optional.of(Expr.Conversion.REPR), List.of())),
        Span.NONE)));
  }

  @Test
  void sendAndReceiveLoopsParseWithSlicesAndAugmentedAssignment() {
    Program p = SpanEraser.erase(complete(fixture("send-receive-loops.py")));
    Stmt.While send = (Stmt.While) p.statements().get(5);
    Stmt.Assign sent = (Stmt.Assign) send.body().getFirst();
    assertThat(sent.value()).isEqualTo(call(attr(name("sock"), "send"),
        new Expr.Subscript(name("msg"),
            new Expr.Slice(Optional.of(name("totalsent")), Optional.empty(), Optional.empty(),
                Span.NONE),
            Span.NONE)));
    Stmt.If broken = (Stmt.If) send.body().get(1);
    assertThat(broken.body().getFirst()).isInstanceOf(Stmt.Raise.class);
    Stmt.While receive = (Stmt.While) p.statements().get(8);
    assertThat(receive.body().get(3)).isEqualTo(new Stmt.AugAssign(
        new Target.Name("bytes_recd", Span.NONE), BinaryOperator.ADD,
        call(name("len"), name("chunk")), Span.NONE, ""));
  }

  @Test
  void sendAndReceiveLoopsJoinChunksWithAnEmptyBytesLiteral() {
    Program p = SpanEraser.erase(complete(fixture("send-receive-loops.py")));
    Stmt.Assign reply = (Stmt.Assign) p.statements().get(9);
    assertThat(reply.value()).isEqualTo(
        call(attr(new Expr.BytesLiteral(new byte[0], Span.NONE), "join"), name("chunks")));
  }

  @Test
  void theClassBasedVersionIsRejectedAtItsFirstLine() {
    ParseResult.Invalid invalid = Parses.invalid(fixture("send-receive-class.py"));
    assertThat(invalid.format())
        .isEqualTo("test.sc:1:1: not supported in sockscope scripts: class (classes)");
  }

  @Test
  void everySpecLineParses() {
    Program p = complete(fixture("spec-lines.py"));
    assertThat(p.statements()).hasSize(35);
    Stmt sleep = SpanEraser.erase(p.statements().get(32));
    assertThat(sleep).isEqualTo(
        new Stmt.Sleep(new Expr.FloatLiteral(0.5, Span.NONE), Span.NONE, ""));
  }

  @Test
  void specLinesKeepConnectExAsAnAssignedCall() {
    Program p = SpanEraser.erase(complete(fixture("spec-lines.py")));
    Stmt.Assign err = (Stmt.Assign) p.statements().get(9);
    assertThat(err.value()).isEqualTo(call(attr(name("c"), "connect_ex"),
        new Expr.Tuple(List.of(Parses.str("127.0.0.1"), integer(9001)), Span.NONE)));
  }

  @Test
  void shortFormLabParsesWithItsExpectations() {
    Program p = complete(fixture("lab.sc"));
    assertThat(p.statements()).hasSize(14);
    assertThat(p.statements()).filteredOn(s -> s instanceof Stmt.Expect).hasSize(4);
    assertThat(p.statements().get(2).source()).isEqualTo("connect c :9001");
  }
}
