package io.sockscope.shell.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Printing an expression tree as Python and parsing the text gives the same tree: generated
 * trees of the shapes Python's parser produces (no one-value BoolOp, no negative literal,
 * slices only as subscripts, f-string texts joined).
 */
class PrinterRoundTripProperties {

  private static final Span N = Span.NONE;

  private static Arbitrary<String> identifiers() {
    return Arbitraries.strings().withCharRange('a', 'z').withChars('_').ofMinLength(1)
        .ofMaxLength(6).filter(PythonLexer::isIdentifier);
  }

  private static Arbitrary<Expr> leaves() {
    return Arbitraries.oneOf(List.of(
        identifiers().map(id -> new Expr.Name(id, N)),
        Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN.pow(30))
            .map(v -> new Expr.IntLiteral(v, N)),
        Arbitraries.doubles().between(0, Double.MAX_VALUE).withSpecialValue(0.0)
            .withSpecialValue(Double.POSITIVE_INFINITY).map(d -> new Expr.FloatLiteral(d, N)),
        Arbitraries.strings().ofMaxLength(8).map(s -> new Expr.StrLiteral(s, N)),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(8).map(b -> new Expr.BytesLiteral(b, N)),
        Arbitraries.just(new Expr.NoneLiteral(N)),
        Arbitraries.of(true, false).map(b -> new Expr.BoolLiteral(b, N)),
        Arbitraries.just(new Expr.EllipsisLiteral(N))));
  }

  private static Arbitrary<Expr> expressions(int depth) {
    if (depth == 0) {
      return leaves();
    }
    Arbitrary<Expr> sub = Arbitraries.lazy(() -> expressions(depth - 1));
    Arbitrary<List<Expr>> few = sub.list().ofMaxSize(3);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, leaves()),
        net.jqwik.api.Tuple.of(1, few.map(l -> new Expr.Tuple(l, N))),
        net.jqwik.api.Tuple.of(1, few.map(l -> new Expr.ListDisplay(l, N))),
        net.jqwik.api.Tuple.of(1, sub.list().ofMinSize(1).ofMaxSize(3)
            .map(l -> new Expr.SetDisplay(l, N))),
        net.jqwik.api.Tuple.of(1, Combinators.combine(few, few).as((k, v) -> {
          int size = Math.min(k.size(), v.size());
          return new Expr.DictDisplay(k.subList(0, size), v.subList(0, size), N);
        })),
        net.jqwik.api.Tuple.of(2, Combinators.combine(sub, identifiers())
            .as((v, name) -> new Expr.Attribute(v, name, N))),
        net.jqwik.api.Tuple.of(2, Combinators.combine(sub, few, keywords(sub))
            .as((f, args, kws) -> new Expr.Call(f, args, kws, N))),
        net.jqwik.api.Tuple.of(2, Combinators.combine(sub, indexes(sub))
            .as((v, index) -> new Expr.Subscript(v, index, N))),
        net.jqwik.api.Tuple.of(2, Combinators.combine(Arbitraries.of(UnaryOperator.class), sub)
            .as((op, v) -> new Expr.Unary(op, v, N))),
        net.jqwik.api.Tuple.of(3, Combinators.combine(sub, Arbitraries.of(BinaryOperator.class), sub)
            .as((l, op, r) -> new Expr.Binary(l, op, r, N))),
        net.jqwik.api.Tuple.of(1, Combinators.combine(Arbitraries.of(BooleanOperator.class),
            sub.list().ofMinSize(2).ofMaxSize(3)).as((op, vs) -> new Expr.BoolOp(op, vs, N))),
        net.jqwik.api.Tuple.of(1, Combinators.combine(sub,
            Arbitraries.of(ComparisonOperator.class).list().ofMinSize(1).ofMaxSize(3),
            sub.list().ofSize(3)).as((l, ops, cs) ->
                new Expr.Compare(l, ops, cs.subList(0, ops.size()), N))),
        net.jqwik.api.Tuple.of(1, Combinators.combine(sub, sub, sub)
            .as((t, b, e) -> new Expr.Conditional(t, b, e, N))),
        net.jqwik.api.Tuple.of(1, fstrings()));
  }

  private static Arbitrary<List<Expr.Keyword>> keywords(Arbitrary<Expr> values) {
    return Combinators.combine(identifiers(), values).as((k, v) -> new Expr.Keyword(k, v, N))
        .list().ofMaxSize(2).uniqueElements(Expr.Keyword::name);
  }

  private static Arbitrary<Expr> indexes(Arbitrary<Expr> sub) {
    Arbitrary<Optional<Expr>> bound = sub.optional();
    Arbitrary<Expr> slice = Combinators.combine(bound, bound, bound)
        .as((l, u, s) -> new Expr.Slice(l, u, s, N));
    Arbitrary<Expr> element = Arbitraries.oneOf(sub, slice);
    return Arbitraries.oneOf(sub, slice,
        element.list().ofMinSize(1).ofMaxSize(3).map(l -> new Expr.Tuple(l, N)));
  }

  /** F-strings whose fields hold names, numbers and plain-letter strings. */
  private static Arbitrary<Expr> fstrings() {
    Arbitrary<Expr> fieldValue = Arbitraries.oneOf(
        identifiers().map(id -> new Expr.Name(id, N)),
        Arbitraries.integers().between(0, 999).map(i -> new Expr.IntLiteral(BigInteger.valueOf(i), N)),
        Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(4)
            .map(s -> new Expr.StrLiteral(s, N)),
        Combinators.combine(identifiers(), identifiers())
            .as((a, b) -> new Expr.Binary(new Expr.Name(a, N), BinaryOperator.ADD,
                new Expr.Name(b, N), N)));
    Arbitrary<List<Expr.FStringPart>> spec = Arbitraries.strings().withChars("<>^0123456789.,+ xdfs")
        .ofMaxLength(4).map(s -> s.isEmpty() ? List.<Expr.FStringPart>of()
            : List.<Expr.FStringPart>of(new Expr.FStringPart.Text(s)));
    Arbitrary<Expr.FStringPart> field = Combinators.combine(fieldValue,
        Arbitraries.of(Expr.Conversion.class).optional(), spec)
        .as(Expr.FStringPart.Field::new);
    Arbitrary<Expr.FStringPart> text = Arbitraries.strings().ofMinLength(1).ofMaxLength(6)
        .map(Expr.FStringPart.Text::new);
    return Arbitraries.oneOf(field, text).list().ofMaxSize(4)
        .map(parts -> new Expr.FString(joined(parts), N));
  }

  private static List<Expr.FStringPart> joined(List<Expr.FStringPart> parts) {
    List<Expr.FStringPart> out = new ArrayList<>();
    for (Expr.FStringPart part : parts) {
      if (part instanceof Expr.FStringPart.Text t && !out.isEmpty()
          && out.getLast() instanceof Expr.FStringPart.Text previous) {
        out.set(out.size() - 1, new Expr.FStringPart.Text(previous.text() + t.text()));
      } else {
        out.add(part);
      }
    }
    return out;
  }

  @Provide
  Arbitrary<Expr> trees() {
    return expressions(3);
  }

  @Property(tries = 2000)
  void printedExpressionsParseBackToTheSameTree(@ForAll("trees") Expr tree) {
    String printed = PythonPrinter.expression(tree);
    ParseResult result = Parser.parseFile("p", "_ = " + printed);
    assertThat(result).as(printed).isInstanceOf(ParseResult.Complete.class);
    Stmt s = SpanEraser.erase(((ParseResult.Complete) result).program().statements().getFirst());
    assertThat(((Stmt.Assign) s).value()).as(printed).isEqualTo(tree);
  }
}
