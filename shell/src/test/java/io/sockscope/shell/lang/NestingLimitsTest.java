package io.sockscope.shell.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Deep nesting is an error with a message, never a crash, and the deepest input accepted parses
 * within a 512 KiB thread stack.
 */
class NestingLimitsTest {

  @Test
  void tooDeeplyNestedBracketsAreAnError() {
    assertThat(Parses.invalid("x = " + "(".repeat(150) + "1" + ")".repeat(150)).message())
        .isEqualTo("too many nested parentheses");
  }

  @Test
  void tooDeeplyNestedOperatorsAreAnError() {
    assertThat(Parses.invalid("x = " + "-".repeat(5000) + "1").message())
        .startsWith("too many nested expressions");
  }

  @Test
  void tooLongOperatorChainsAreAnError() {
    assertThat(Parses.invalid("x = 1" + " + 1".repeat(5000)).message())
        .startsWith("too many nested expressions");
  }

  @Test
  void tooManyIndentationLevelsAreAnError() {
    StringBuilder program = new StringBuilder();
    for (int i = 0; i < 120; i++) {
      program.append(" ".repeat(i)).append("if x:\n");
    }
    program.append(" ".repeat(120)).append("pass\n");
    assertThat(Parses.invalid(program.toString()).message())
        .isEqualTo("too many levels of indentation");
  }

  @Test
  void theDeepestAcceptedInputsParseInASmallStack() throws InterruptedException {
    List<String> deepest = List.of(
        "x = " + "(".repeat(99) + "1" + ")".repeat(99),
        "x = " + "a.b(".repeat(99) + ")".repeat(99),
        "x = f'{" + "(".repeat(98) + "1" + ")".repeat(98) + "}'",
        "x = " + "-".repeat(190) + "1",
        "x = " + "a if b else ".repeat(190) + "c");
    for (String text : deepest) {
      AtomicReference<Object> outcome = new AtomicReference<>();
      Thread parser = new Thread(null, () -> {
        try {
          outcome.set(Parser.parseFile("deep", text));
        } catch (StackOverflowError overflow) {
          outcome.set(overflow);
        }
      }, "small-stack-parser", 512 * 1024);
      parser.start();
      parser.join();
      assertThat(outcome.get()).as(text.substring(0, 12)).isInstanceOf(ParseResult.Complete.class);
    }
  }
}
