package io.sockscope.shell.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Parsing shortcuts for the tests: each fails the test when the outcome is not the one wanted. */
final class Parses {

  static final String FILE = "test.sc";

  private Parses() {}

  static Program complete(String text) {
    ParseResult result = Parser.parseFile(FILE, text);
    assertThat(result).as("parse of %s", text).isInstanceOf(ParseResult.Complete.class);
    return ((ParseResult.Complete) result).program();
  }

  static ParseResult.Invalid invalid(String text) {
    ParseResult result = Parser.parseFile(FILE, text);
    assertThat(result).as("parse of %s", text).isInstanceOf(ParseResult.Invalid.class);
    return (ParseResult.Invalid) result;
  }

  /** The one statement {@code text} holds, spans erased. */
  static Stmt only(String text) {
    List<Stmt> statements = complete(text).statements();
    assertThat(statements).as("statements of %s", text).hasSize(1);
    return SpanEraser.erase(statements.getFirst());
  }

  /** The one expression statement {@code text} holds, spans erased. */
  static Expr expr(String text) {
    Stmt s = only(text);
    assertThat(s).as("statement of %s", text).isInstanceOf(Stmt.ExprStmt.class);
    return ((Stmt.ExprStmt) s).expr();
  }

  /** Whether two texts parse to the same trees, spans and sources aside. */
  static void assertSame(String shortForm, String python) {
    assertThat(SpanEraser.erase(complete(shortForm)).statements())
        .as("%s and %s", shortForm, python)
        .isEqualTo(SpanEraser.erase(complete(python)).statements());
  }

  static String fixture(String name) {
    try (InputStream in = Parses.class.getResourceAsStream("tutorials/" + name)) {
      assertThat(in).as("fixture %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Expr.Name name(String id) {
    return new Expr.Name(id, Span.NONE);
  }

  static Expr.IntLiteral integer(long value) {
    return new Expr.IntLiteral(java.math.BigInteger.valueOf(value), Span.NONE);
  }

  static Expr.StrLiteral str(String value) {
    return new Expr.StrLiteral(value, Span.NONE);
  }

  static Expr.BytesLiteral bytes(String latin1) {
    return new Expr.BytesLiteral(latin1.getBytes(StandardCharsets.ISO_8859_1), Span.NONE);
  }

  static Expr.Attribute attr(Expr value, String name) {
    return new Expr.Attribute(value, name, Span.NONE);
  }

  static Expr.Call call(Expr function, Expr... args) {
    return new Expr.Call(function, List.of(args), List.of(), Span.NONE);
  }

  static Expr.Binary binary(Expr left, BinaryOperator op, Expr right) {
    return new Expr.Binary(left, op, right, Span.NONE);
  }
}
