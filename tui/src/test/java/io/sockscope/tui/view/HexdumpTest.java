package io.sockscope.tui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HexdumpTest {

  @Test
  void bytesInHexThenAsAsciiWithDotsForTheUnprintable() {
    assertThat(Hexdump.rows("hi\n".getBytes(StandardCharsets.US_ASCII), 8))
        .containsExactly("0000  68 69 0a                 hi.");
  }

  @Test
  void rowsOfSixteenCountTheirOffsetInHex() {
    byte[] data = new byte[20];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) ('A' + i);
    }
    assertThat(Hexdump.rows(data, 16)).containsExactly(
        "0000  41 42 43 44 45 46 47 48 49 4a 4b 4c 4d 4e 4f 50  ABCDEFGHIJKLMNOP",
        "0010  51 52 53 54                                      QRST");
  }

  @Test
  void fitsTheWidthItIsGiven() {
    assertThat(Hexdump.bytesPerRow(80)).isEqualTo(16);
    assertThat(Hexdump.bytesPerRow(42)).isEqualTo(8);
    assertThat(Hexdump.bytesPerRow(30)).isEqualTo(4);
    assertThat(Hexdump.rows(new byte[64], Hexdump.bytesPerRow(42))).allMatch(r -> r.length() <= 42);
  }
}
