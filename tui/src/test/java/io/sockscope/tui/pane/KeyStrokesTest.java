package io.sockscope.tui.pane;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import io.sockscope.tui.view.Key;
import org.junit.jupiter.api.Test;

class KeyStrokesTest {

  @Test
  void charactersChordsAndNamedKeys() {
    assertThat(KeyStrokes.of(new KeyStroke('j', false, false))).contains(new Key.Typed('j'));
    assertThat(KeyStrokes.of(new KeyStroke('C', false, false))).contains(new Key.Typed('C'));
    assertThat(KeyStrokes.of(new KeyStroke('c', true, false))).contains(new Key.Ctrl('c'));
    assertThat(KeyStrokes.of(new KeyStroke('Q', true, false))).contains(new Key.Ctrl('q'));
    assertThat(KeyStrokes.of(new KeyStroke('b', false, true))).contains(new Key.Alt('b'));
    assertThat(KeyStrokes.of(new KeyStroke(KeyType.F10))).contains(Key.Named.F10);
    assertThat(KeyStrokes.of(new KeyStroke(KeyType.ReverseTab))).contains(Key.Named.BACK_TAB);
    assertThat(KeyStrokes.of(new KeyStroke(KeyType.ArrowLeft, true, false)))
        .contains(Key.Named.CTRL_LEFT);
    assertThat(KeyStrokes.of(new KeyStroke(KeyType.F7))).isEmpty();
    assertThat(KeyStrokes.endOfInput(new KeyStroke(KeyType.EOF))).isTrue();
  }
}
