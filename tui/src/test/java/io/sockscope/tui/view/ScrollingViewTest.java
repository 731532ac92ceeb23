package io.sockscope.tui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScrollingViewTest {

  /** Lines {@code 0} to {@code 9}, whatever the width. */
  private static ScrollingView tenLines() {
    return ScrollingView.of(width -> {
      List<Line> lines = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        lines.add(Line.of(Integer.toString(i), Tone.PLAIN));
      }
      return lines;
    });
  }

  @Test
  void theWindowIsTheHeightAndPagesMoveByAllButOneRow() {
    ScrollingView view = tenLines();
    view.height(4);
    assertThat(Rows.plain(view.visible(20))).containsExactly("0", "1", "2", "3");
    view.page(1);
    assertThat(Rows.plain(view.visible(20))).containsExactly("3", "4", "5", "6");
    view.scroll(-1);
    assertThat(Rows.plain(view.visible(20))).containsExactly("2", "3", "4", "5");
  }

  @Test
  void scrollingStopsAtTheLastRowAndTheFirst() {
    ScrollingView view = tenLines();
    view.height(4);
    view.end();
    assertThat(Rows.plain(view.visible(20))).containsExactly("6", "7", "8", "9");
    view.scroll(50);
    assertThat(Rows.plain(view.visible(20))).containsExactly("6", "7", "8", "9");
    view.scroll(-1);
    assertThat(Rows.plain(view.visible(20))).containsExactly("5", "6", "7", "8");
    view.scroll(-50);
    assertThat(Rows.plain(view.visible(20))).containsExactly("0", "1", "2", "3");
    view.end();
    view.home();
    assertThat(Rows.plain(view.visible(20))).first().isEqualTo("0");
  }

  @Test
  void aWindowTallerThanTheLinesShowsThemAll() {
    ScrollingView view = tenLines();
    view.height(30);
    view.end();
    assertThat(Rows.plain(view.visible(20))).hasSize(10).first().isEqualTo("0");
  }
}
