package io.sockscope.shell.complete;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TypedIndentTest {

  private final TypedIndent typed = new TypedIndent();

  @Test
  void theFirstSpaceTypedOnAnUntouchedIndentedLineReplacesItsIndentation() {
    typed.began(4);
    assertThat(typed.replaces("    ", true)).isTrue();
    assertThat(typed.replaces(" ", true)).as("once per line").isFalse();
    assertThat(typed.replaces("    ", true)).isFalse();
  }

  @Test
  void aLineWithTextAnEditedIndentationOrTheCursorElsewhereIsLeftAlone() {
    typed.began(4);
    assertThat(typed.replaces("    x", true)).isFalse();
    assertThat(typed.replaces("    ", false)).isFalse();
    assertThat(typed.replaces("  ", true)).as("two deleted").isFalse();
    assertThat(typed.replaces("\t", true)).isFalse();
  }

  @Test
  void nothingIsReplacedOnceReset() {
    typed.began(4);
    typed.reset();
    assertThat(typed.replaces("    ", true)).isFalse();
    assertThat(typed.replaces("", true)).isFalse();
  }
}
