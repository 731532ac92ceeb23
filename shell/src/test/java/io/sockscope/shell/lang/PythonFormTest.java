package io.sockscope.shell.lang;

import static io.sockscope.shell.lang.Parses.attr;
import static io.sockscope.shell.lang.Parses.binary;
import static io.sockscope.shell.lang.Parses.bytes;
import static io.sockscope.shell.lang.Parses.call;
import static io.sockscope.shell.lang.Parses.expr;
import static io.sockscope.shell.lang.Parses.integer;
import static io.sockscope.shell.lang.Parses.name;
import static io.sockscope.shell.lang.Parses.only;
import static io.sockscope.shell.lang.Parses.str;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Python form: statements and expressions read with Python's rules. */
class PythonFormTest {

  private static final Span N = Span.NONE;

  @Test
  void integersTakeHexOctalBinaryAndUnderscores() {
    assertThat(expr("0xff")).isEqualTo(integer(255));
    assertThat(expr("0o17")).isEqualTo(integer(15));
    assertThat(expr("0b101")).isEqualTo(integer(5));
    assertThat(expr("65_536")).isEqualTo(integer(65536));
  }

  @Test
  void integersHaveNoSizeLimit() {
    assertThat(expr("123456789012345678901234567890"))
        .isEqualTo(new Expr.IntLiteral(new BigInteger("123456789012345678901234567890"), N));
  }

  @Test
  void floatsTakeFractionsAndExponents() {
    assertThat(expr("2.0")).isEqualTo(new Expr.FloatLiteral(2.0, N));
    assertThat(expr(".5")).isEqualTo(new Expr.FloatLiteral(0.5, N));
    assertThat(expr("1e-3")).isEqualTo(new Expr.FloatLiteral(0.001, N));
    assertThat(expr("1_0.5e1")).isEqualTo(new Expr.FloatLiteral(105.0, N));
  }

  @Test
  void stringsDecodePythonEscapes() {
    assertThat(expr("'a\\tb\\n\\x41\\101\\u00e9\\N{BULLET}\\q'"))
        .isEqualTo(str("a\tb\nAA\u00e9\u2022\\q"));
  }

  @Test
  void rawStringsKeepBackslashes() {
    assertThat(expr("r'\\n\\d'")).isEqualTo(str("\\n\\d"));
  }

  @Test
  void tripleQuotedStringsSpanLines() {
    assertThat(expr("\"\"\"one\ntwo \"quoted\" \"\"\"")).isEqualTo(str("one\ntwo \"quoted\" "));
  }

  @Test
  void bytesDecodeEscapesToRawBytes() {
    assertThat(expr("b'\\x00\\xff\\n'")).isEqualTo(bytes("\u0000\u00ff\n"));
  }

  @Test
  void adjacentLiteralsJoin() {
    assertThat(expr("'ab' \"cd\" r'\\e'")).isEqualTo(str("ab" + "cd" + "\\e"));
    assertThat(expr("b'a' b'b'")).isEqualTo(bytes("ab"));
  }

  @Test
  void fStringsTakeConversionsSpecsAndDoubledBraces() {
    assertThat(expr("f'{{x}} {a!r:>{w}} {b!s}'")).isEqualTo(new Expr.FString(List.of(
        new Expr.FStringPart.Text("{x} "),
        new Expr.FStringPart.Field(name("a"), Optional.of(Expr.Conversion.REPR), List.of(
            new Expr.FStringPart.Text(">"),
            new Expr.FStringPart.Field(name("w"), Optional.empty(), List.of()))),
        new Expr.FStringPart.Text(" "),
        new Expr.FStringPart.Field(name("b"), Optional.of(Expr.Conversion.STR), List.of())), N));
  }

  @Test
  void fStringSelfDocumentingFieldShowsItsText() {
    assertThat(expr("f'{n = }'")).isEqualTo(new Expr.FString(List.of(
        new Expr.FStringPart.Text("n = "),
        new Expr.FStringPart.Field(name("n"), Optional.of(Expr.Conversion.REPR), List.of())), N));
  }

  @Test
  void fStringFieldsHoldExpressionsWithOtherQuotes() {
    assertThat(expr("f\"{d['k'] != 1}\"")).isEqualTo(new Expr.FString(List.of(
        new Expr.FStringPart.Field(new Expr.Compare(
            new Expr.Subscript(name("d"), str("k"), N), List.of(ComparisonOperator.NOT_EQ),
            List.of(integer(1)), N), Optional.empty(), List.of())), N));
  }

  @Test
  void fStringFieldSpansPointIntoTheSource() {
    Stmt.ExprStmt s = (Stmt.ExprStmt) Parses.complete("x = 1\nprint(f'a{value}')").statements()
        .get(1);
    Expr.FString f = (Expr.FString) ((Expr.Call) s.expr()).arguments().getFirst();
    Expr.FStringPart.Field field = (Expr.FStringPart.Field) f.parts().get(1);
    assertThat(field.value().span()).isEqualTo(new Span(2, 11, 2, 16));
  }

  @Test
  void strAndFStringConcatenate() {
    assertThat(expr("'a' f'{b}' 'c'")).isEqualTo(new Expr.FString(List.of(
        new Expr.FStringPart.Text("a"),
        new Expr.FStringPart.Field(name("b"), Optional.empty(), List.of()),
        new Expr.FStringPart.Text("c")), N));
  }

  @Test
  void constantsAndEllipsis() {
    assertThat(expr("None")).isEqualTo(new Expr.NoneLiteral(N));
    assertThat(expr("False")).isEqualTo(new Expr.BoolLiteral(false, N));
    assertThat(expr("...")).isEqualTo(new Expr.EllipsisLiteral(N));
  }

  @Test
  void displaysOfTuplesListsSetsAndDicts() {
    assertThat(expr("()")).isEqualTo(new Expr.Tuple(List.of(), N));
    assertThat(expr("(1,)")).isEqualTo(new Expr.Tuple(List.of(integer(1)), N));
    assertThat(expr("[1, 2,]")).isEqualTo(new Expr.ListDisplay(List.of(integer(1), integer(2)), N));
    assertThat(expr("{1}")).isEqualTo(new Expr.SetDisplay(List.of(integer(1)), N));
    assertThat(expr("{'a': 1}"))
        .isEqualTo(new Expr.DictDisplay(List.of(str("a")), List.of(integer(1)), N));
  }

  @Test
  void parenthesesGroupWithoutANode() {
    assertThat(expr("(a)")).isEqualTo(name("a"));
  }

  @Test
  void multiplicationBindsTighterThanAddition() {
    assertThat(expr("a + b * c"))
        .isEqualTo(binary(name("a"), BinaryOperator.ADD, binary(name("b"), BinaryOperator.MULT,
            name("c"))));
  }

  @Test
  void subtractionIsLeftAssociative() {
    assertThat(expr("a - b - c")).isEqualTo(binary(binary(name("a"), BinaryOperator.SUB,
        name("b")), BinaryOperator.SUB, name("c")));
  }

  @Test
  void powerIsRightAssociativeAndBindsTighterThanUnaryMinus() {
    assertThat(expr("-a ** b ** c")).isEqualTo(new Expr.Unary(UnaryOperator.NEG,
        binary(name("a"), BinaryOperator.POW, binary(name("b"), BinaryOperator.POW, name("c"))),
        N));
  }

  @Test
  void notBindsLooserThanComparison() {
    assertThat(expr("not a == b")).isEqualTo(new Expr.Unary(UnaryOperator.NOT,
        new Expr.Compare(name("a"), List.of(ComparisonOperator.EQ), List.of(name("b")), N), N));
  }

  @Test
  void comparisonsChain() {
    assertThat(expr("a < b <= c")).isEqualTo(new Expr.Compare(name("a"),
        List.of(ComparisonOperator.LT, ComparisonOperator.LT_E), List.of(name("b"), name("c")),
        N));
  }

  @Test
  void membershipAndIdentityOperators() {
    assertThat(expr("a not in b is not c")).isEqualTo(new Expr.Compare(name("a"),
        List.of(ComparisonOperator.NOT_IN, ComparisonOperator.IS_NOT),
        List.of(name("b"), name("c")), N));
  }

  @Test
  void andBindsTighterThanOrAndFlattens() {
    assertThat(expr("a or b and c and d")).isEqualTo(new Expr.BoolOp(BooleanOperator.OR,
        List.of(name("a"), new Expr.BoolOp(BooleanOperator.AND,
            List.of(name("b"), name("c"), name("d")), N)), N));
  }

  @Test
  void conditionalExpression() {
    assertThat(expr("a if c else b"))
        .isEqualTo(new Expr.Conditional(name("c"), name("a"), name("b"), N));
  }

  @Test
  void bitwiseOperatorsFollowPythonPrecedence() {
    assertThat(expr("a | b ^ c & d << 1")).isEqualTo(binary(name("a"), BinaryOperator.BIT_OR,
        binary(name("b"), BinaryOperator.BIT_XOR, binary(name("c"), BinaryOperator.BIT_AND,
            binary(name("d"), BinaryOperator.LSHIFT, integer(1))))));
  }

  @Test
  void callsTakePositionalAndKeywordArguments() {
    assertThat(expr("f(1, key=2)")).isEqualTo(new Expr.Call(name("f"), List.of(integer(1)),
        List.of(new Expr.Keyword("key", integer(2), N)), N));
  }

  @Test
  void slicesTakeAnyOfTheirThreeBounds() {
    assertThat(expr("m[::2]")).isEqualTo(new Expr.Subscript(name("m"),
        new Expr.Slice(Optional.empty(), Optional.empty(), Optional.of(integer(2)), N), N));
    assertThat(expr("m[1:-1]")).isEqualTo(new Expr.Subscript(name("m"),
        new Expr.Slice(Optional.of(integer(1)),
            Optional.of(new Expr.Unary(UnaryOperator.NEG, integer(1), N)), Optional.empty(), N),
        N));
  }

  @Test
  void assignmentUnpacksAndChains() {
    assertThat(only("a = b, c = f()")).isEqualTo(new Stmt.Assign(List.of(
        new Target.Name("a", N),
        new Target.Tuple(List.of(new Target.Name("b", N), new Target.Name("c", N)), N)),
        call(name("f")), N, ""));
  }

  @Test
  void assignmentTargetsTakeAttributesAndSubscripts() {
    assertThat(only("o.x[0] = 1")).isEqualTo(new Stmt.Assign(
        List.of(new Target.Subscript(attr(name("o"), "x"), integer(0), N)), integer(1), N, ""));
  }

  @Test
  void augmentedAssignment() {
    assertThat(only("n -= 1")).isEqualTo(
        new Stmt.AugAssign(new Target.Name("n", N), BinaryOperator.SUB, integer(1), N, ""));
  }

  @Test
  void withTakesSeveralItems() {
    Stmt.With with = (Stmt.With) only("with a as x, b:\n    pass");
    assertThat(with.items()).containsExactly(
        new Stmt.WithItem(name("a"), Optional.of(new Target.Name("x", N))),
        new Stmt.WithItem(name("b"), Optional.empty()));
  }

  @Test
  void elifBecomesANestedIf() {
    Stmt.If s = (Stmt.If) only("if a:\n    pass\nelif b:\n    pass\nelse:\n    pass");
    assertThat(s.orElse()).singleElement().isInstanceOfSatisfying(Stmt.If.class,
        elif -> assertThat(elif.orElse()).containsExactly(new Stmt.Pass(N, "")));
  }

  @Test
  void forTakesATupleTargetAndAnElse() {
    Stmt.For f = (Stmt.For) only("for i, x in pairs:\n    continue\nelse:\n    pass");
    assertThat(f.target()).isEqualTo(
        new Target.Tuple(List.of(new Target.Name("i", N), new Target.Name("x", N)), N));
    assertThat(f.orElse()).hasSize(1);
  }

  @Test
  void tryTakesHandlersElseAndFinally() {
    Stmt.Try t = (Stmt.Try) only("try:\n    pass\nexcept (A, B) as e:\n    pass\nexcept:\n"
        + "    pass\nelse:\n    pass\nfinally:\n    pass");
    assertThat(t.handlers()).extracting(Stmt.Handler::name)
        .containsExactly(Optional.of("e"), Optional.empty());
    assertThat(t.orElse()).hasSize(1);
    assertThat(t.finalBody()).hasSize(1);
  }

  @Test
  void raiseFrom() {
    assertThat(only("raise E('x') from cause")).isEqualTo(new Stmt.Raise(
        Optional.of(call(name("E"), str("x"))), Optional.of(name("cause")), N, ""));
  }

  @Test
  void importsInTheirForms() {
    assertThat(only("import os.path as p, sys")).isEqualTo(new Stmt.Import(List.of(
        new Stmt.Alias("os.path", Optional.of("p")), new Stmt.Alias("sys", Optional.empty())),
        N, ""));
    assertThat(only("from socket import (socket, AF_INET as F,)")).isEqualTo(new Stmt.ImportFrom(
        "socket", 0, List.of(new Stmt.Alias("socket", Optional.empty()),
            new Stmt.Alias("AF_INET", Optional.of("F"))), N, ""));
  }

  @Test
  void deleteAndAssert() {
    assertThat(only("del a, b[0]")).isEqualTo(new Stmt.Delete(List.of(new Target.Name("a", N),
        new Target.Subscript(name("b"), integer(0), N)), N, ""));
    assertThat(only("assert x, 'msg'"))
        .isEqualTo(new Stmt.Assert(name("x"), Optional.of(str("msg")), N, ""));
  }

  @Test
  void semicolonsSeparateSimpleStatements() {
    assertThat(Parses.complete("a = 1; b = 2;").statements()).hasSize(2);
  }

  @Test
  void compoundStatementTakesItsBodyOnTheSameLine() {
    Stmt.If s = (Stmt.If) only("if x: a = 1; b = 2");
    assertThat(s.body()).hasSize(2);
  }

  @Test
  void bracketsAndBackslashesContinueLines() {
    Program p = Parses.complete("s.connect((\n    '127.0.0.1',\n    9000))\nx = 1 + \\\n  2");
    assertThat(p.statements()).hasSize(2);
    assertThat(p.statements().getFirst().source())
        .isEqualTo("s.connect((\n    '127.0.0.1',\n    9000))");
  }

  @Test
  void commentsAndBlankLinesInsideBlocksAreIgnored() {
    Stmt.While w = (Stmt.While) only("while x:\n    a()\n\n  # note\n    b()\n");
    assertThat(w.body()).hasSize(2);
  }

  @Test
  void tabsIndentAsPythonCountsThem() {
    Stmt.If s = (Stmt.If) only("if x:\n\ta()\n\tb()\n");
    assertThat(s.body()).hasSize(2);
  }

  @Test
  void windowsLineEndingsAndAByteOrderMarkAreAccepted() {
    assertThat(Parses.complete("\uFEFFif x:\r\n    a()\r\nb()\r\n").statements()).hasSize(2);
  }

  @Test
  void timeSleepAsAStatementIsSleep() {
    assertThat(only("time.sleep(0.5)"))
        .isEqualTo(new Stmt.Sleep(new Expr.FloatLiteral(0.5, N), N, ""));
  }

  @Test
  void timeSleepInsideAnExpressionStaysACall() {
    assertThat(only("x = time.sleep(1)")).isInstanceOf(Stmt.Assign.class);
  }

  @Test
  void exitCallIsExit() {
    assertThat(only("exit()")).isEqualTo(new Stmt.Exit(N, ""));
  }

  @Test
  void trailingAmpersandRunsACallInTheBackground() {
    Stmt s = Parses.complete("data = s.recv(1024) &  # later").statements().getFirst();
    assertThat(s).isInstanceOfSatisfying(Stmt.Background.class, b -> {
      assertThat(b.source()).isEqualTo("data = s.recv(1024) &");
      assertThat(b.call().source()).isEqualTo("data = s.recv(1024)");
    });
  }

  @Test
  void ampersandInsideAnExpressionIsBitwiseAnd() {
    assertThat(expr("a & b")).isEqualTo(binary(name("a"), BinaryOperator.BIT_AND, name("b")));
  }

  @Test
  void pythonKeywordsAreNotNames() {
    assertThat(Parses.invalid("x = if").message()).isEqualTo("invalid syntax");
  }

  @Test
  void selfAttributesParseAsAttributes() {
    assertThat(expr("self.sock.send(msg)"))
        .isEqualTo(call(attr(attr(name("self"), "sock"), "send"), name("msg")));
  }
}
