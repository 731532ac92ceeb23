package io.sockscope.shell.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Example;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated programs of nested blocks, in both spellings. Typing one line by line never meets an
 * error: every prefix cut at a line boundary is complete or wants more lines, as in Python's REPL
 * (where a blank line closes blocks, the programs here have none inside blocks). Printed back,
 * each parses to the same statements.
 */
class PrefixProperties {

  private static final List<String> SIMPLE = List.of(
      "x = 1", "connect s :9000", "s.send(b'x' * 3)", "print(f'{x!r}')", "pass",
      "data = s.recv(1024)", "expect error ECONNREFUSED", "sleep 500ms", "recv s 10 &",
      "s.connect((\n    '127.0.0.1',\n    9000))", "msg = '''one\ntwo'''", "y = 1 + \\\n    2",
      "socket s tcp6", "a, b = s.accept()  # comment");

  private static final List<String> HEADERS =
      List.of("if x:", "while x < 3:", "for i in range(3):", "with socket.socket() as s:");

  /** A program as lines: simple statements and compound ones nested up to {@code depth}. */
  private static Arbitrary<List<String>> block(int depth, String indent) {
    Arbitrary<List<String>> simple =
        Arbitraries.of(SIMPLE).map(s -> indented(s, indent));
    if (depth == 0) {
      return simple.list().ofMinSize(1).ofMaxSize(3).map(PrefixProperties::flatten);
    }
    Arbitrary<List<String>> inner = Arbitraries.lazy(() -> block(depth - 1, indent + "    "));
    Arbitrary<List<String>> compound = Combinators.combine(Arbitraries.of(HEADERS), inner,
        Arbitraries.of("", "else", "elif", "try")).as((header, body, tail) -> {
          List<String> lines = new ArrayList<>();
          if (tail.equals("try")) {
            lines.add(indent + "try:");
            lines.addAll(body);
            lines.add(indent + "except OSError as e:");
            lines.add(indent + "    print(e)");
            lines.add(indent + "finally:");
            lines.add(indent + "    s.close()");
            return lines;
          }
          lines.add(indent + header);
          lines.addAll(body);
          if (tail.equals("else") && !header.startsWith("with")) {
            lines.add(indent + "else:");
            lines.add(indent + "    pass");
          } else if (tail.equals("elif") && header.startsWith("if")) {
            lines.add(indent + "elif y:");
            lines.add(indent + "    close s");
          }
          return lines;
        });
    return Arbitraries.oneOf(simple, compound).list().ofMinSize(1).ofMaxSize(3)
        .map(PrefixProperties::flatten);
  }

  private static List<String> indented(String statement, String indent) {
    List<String> lines = new ArrayList<>();
    for (String line : statement.split("\n")) {
      lines.add(indent + line);
    }
    return lines;
  }

  private static List<String> flatten(List<List<String>> parts) {
    List<String> lines = new ArrayList<>();
    parts.forEach(lines::addAll);
    return lines;
  }

  @Provide
  Arbitrary<List<String>> programs() {
    return block(3, "");
  }

  private static void assertPrefixesNeedMoreOrAreComplete(List<String> lines) {
    for (int k = 1; k <= lines.size(); k++) {
      String prefix = String.join("\n", lines.subList(0, k));
      ParseResult result = Parser.parseEntry(prefix);
      assertThat(result).as("prefix:\n%s", prefix)
          .isInstanceOfAny(ParseResult.Complete.class, ParseResult.Incomplete.class);
    }
  }

  @Property(tries = 300)
  void everyLinePrefixIsCompleteOrIncomplete(@ForAll("programs") List<String> lines) {
    assertPrefixesNeedMoreOrAreComplete(lines);
  }

  @Property(tries = 300)
  void theWholeProgramIsCompleteAsAScriptAndAsAnEntryEndedByABlankLine(
      @ForAll("programs") List<String> lines) {
    String program = String.join("\n", lines);
    assertThat(Parser.parseFile("p.sc", program)).as(program)
        .isInstanceOf(ParseResult.Complete.class);
    assertThat(Parser.parseEntry(program + "\n")).as(program)
        .isInstanceOf(ParseResult.Complete.class);
  }

  @Property(tries = 200)
  void printedProgramsParseBackToTheSameStatements(@ForAll("programs") List<String> lines) {
    Program parsed = SpanEraser.erase(Parses.complete(String.join("\n", lines)));
    StringBuilder printed = new StringBuilder();
    for (Stmt s : parsed.statements()) {
      printed.append(PythonPrinter.statement(s)).append('\n');
    }
    assertThat(SpanEraser.erase(Parses.complete(printed.toString())).statements())
        .as(printed.toString()).isEqualTo(parsed.statements());
  }

  @Example
  void tutorialPrefixesAreCompleteOrIncomplete() {
    for (String fixture : List.of("echo-server.py", "echo-client.py", "send-receive-loops.py",
        "spec-lines.py", "lab.sc")) {
      assertPrefixesNeedMoreOrAreComplete(List.of(Parses.fixture(fixture).split("\n")));
    }
  }
}
