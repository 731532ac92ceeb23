package io.sockscope.tui.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScreenLayoutTest {

  @Test
  void at80x24TheColumnsAreThoseOfSpecPicture() {
    ScreenLayout l = ScreenLayout.of(80, 24);
    assertThat(l.fits()).isTrue();
    assertThat(l.shell()).isEqualTo(new ScreenLayout.Rect(0, 0, 36, 15));
    assertThat(l.sockets()).isEqualTo(new ScreenLayout.Rect(0, 15, 36, 7));
    assertThat(l.segments()).isEqualTo(new ScreenLayout.Rect(36, 0, 44, 12));
    assertThat(l.detail()).isEqualTo(new ScreenLayout.Rect(36, 12, 44, 10));
    assertThat(l.input()).isEqualTo(new ScreenLayout.Rect(0, 22, 80, 1));
    assertThat(l.status()).isEqualTo(new ScreenLayout.Rect(0, 23, 80, 1));
    assertThat(l.contentRows(Pane.SHELL)).isEqualTo(14);
    assertThat(l.contentRows(Pane.SEGMENTS)).isEqualTo(11);
    assertThat(l.contentRows(Pane.DETAIL)).isEqualTo(8);
    assertThat(l.contentRows(Pane.SOCKETS)).isEqualTo(5);
  }

  @Test
  void aLargeTerminalGivesEveryPaneMore() {
    ScreenLayout small = ScreenLayout.of(80, 24);
    ScreenLayout large = ScreenLayout.of(200, 50);
    for (Pane p : Pane.values()) {
      assertThat(large.contentRows(p)).isGreaterThan(small.contentRows(p));
      assertThat(large.contentColumns(p)).isGreaterThan(small.contentColumns(p));
    }
    assertThat(large.shell().width() + large.segments().width()).isEqualTo(200);
    assertThat(large.sockets().row() + large.sockets().height()).isEqualTo(48);
    assertThat(large.detail().row() + large.detail().height()).isEqualTo(48);
  }

  @Test
  void belowTheMinimumNothingIsPlaced() {
    assertThat(ScreenLayout.of(59, 24).fits()).isFalse();
    assertThat(ScreenLayout.of(80, 15).fits()).isFalse();
    assertThat(ScreenLayout.of(60, 16).fits()).isTrue();
  }
}
