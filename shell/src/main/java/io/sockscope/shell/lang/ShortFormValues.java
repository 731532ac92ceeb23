package io.sockscope.shell.lang;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small values of the short form, each read from one word: {@code HOST:PORT}, sizes with
 * binary suffixes, durations, on/off flags, linger pairs.
 *
 * <ul>
 *   <li>HOST:PORT: {@code 127.0.0.1:9000}, {@code localhost:9000}, {@code [::1]:9000} (IPv6 in
 *       brackets), {@code :9000} (no host: 127.0.0.1). Ports 0 to 65535.
 *   <li>Sizes: decimal digits (underscores between them allowed) with an optional suffix
 *       {@code k}, {@code M} or {@code G} in either case, meaning 2^10, 2^20, 2^30:
 *       {@code 64k} is 65536.
 *   <li>Durations: seconds ({@code 2}, {@code 0.5}, {@code 2s}) or milliseconds ({@code 500ms});
 *       seconds keep Python's number type ({@code 2} is an int), milliseconds become a float.
 *   <li>Flags: {@code on off true false yes no 1 0}, any case.
 * </ul>
 */
final class ShortFormValues {

  /** A parsed {@code [HOST:]PORT}; no host means the loopback default. */
  record HostPort(Optional<String> host, int port) {}

  private static final Pattern SIZE = Pattern.compile("([0-9](?:_?[0-9])*)([kKmMgG]?)");
  private static final Pattern DURATION =
      Pattern.compile("([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(ms|s)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9._-]+");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?");
  private static final Pattern PORT = Pattern.compile("[0-9]+");

  static final String LOOPBACK = "127.0.0.1";

  private ShortFormValues() {}

  /**
   * Reads {@code [HOST:]PORT} from {@code w}. With {@code barePort} false the word must have a
   * colon ({@code connect s 9000} is an error: "expected HOST:PORT"); with it true a bare port
   * is taken too.
   */
  static HostPort hostPort(Words words, ShortWords.Word w, String what, boolean barePort) {
    String t = w.text();
    String host;
    String port;
    if (t.startsWith("[")) {
      int close = t.indexOf(']');
      if (close < 0 || !t.startsWith(":", close + 1)) {
        throw words.wrong(w, what);
      }
      host = t.substring(1, close);
      port = t.substring(close + 2);
      if (!IPV6.matcher(host).matches()) {
        throw words.at(w, "'" + host + "' is not an IPv6 address");
      }
    } else {
      int colon = t.lastIndexOf(':');
      if (colon < 0) {
        if (!barePort || !PORT.matcher(t).matches()) {
          throw words.wrong(w, what);
        }
        return new HostPort(Optional.empty(), port(words, w, t));
      }
      host = t.substring(0, colon);
      port = t.substring(colon + 1);
      if (host.contains(":")) {
        throw words.at(w, "write an IPv6 address in brackets: [" + host + "]:" + port);
      }
      if (!host.isEmpty() && !HOST_NAME.matcher(host).matches()) {
        throw words.wrong(w, what);
      }
    }
    if (!PORT.matcher(port).matches()) {
      throw words.wrong(w, what);
    }
    return new HostPort(host.isEmpty() ? Optional.empty() : Optional.of(host), port(words, w, port));
  }

  private static int port(Words words, ShortWords.Word w, String digits) {
    if (digits.length() > 5 || Integer.parseInt(digits) > 65535) {
      throw words.at(w, "port must be 0 to 65535, got '" + digits + "'");
    }
    return Integer.parseInt(digits);
  }

  /** A size such as {@code 1024}, {@code 64k}, {@code 1M}; empty if the word is not one. */
  static OptionalLong size(String text) {
    Matcher m = SIZE.matcher(text);
    if (!m.matches() || m.group(1).replace("_", "").length() > 18) {
      return OptionalLong.empty();
    }
    long value = Long.parseLong(m.group(1).replace("_", ""));
    int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "k" -> 10;
      case "m" -> 20;
      case "g" -> 30;
      default -> 0;
    };
    if (value > (Long.MAX_VALUE >> shift)) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(value << shift);
  }

  /** A duration as the number Python's {@code time.sleep} would get; empty if not one. */
  static Optional<Expr> duration(String text, Span span) {
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    String number = m.group(1);
    if (m.group(2) != null && m.group(2).equalsIgnoreCase("ms")) {
      double seconds = new BigDecimal(number).movePointLeft(3).doubleValue();
      return Optional.of(new Expr.FloatLiteral(seconds, span));
    }
    if (number.contains(".")) {
      return Optional.of(new Expr.FloatLiteral(Double.parseDouble(number), span));
    }
    return Optional.of(new Expr.IntLiteral(new BigInteger(number), span));
  }

  /** {@code on off true false yes no 1 0}, any case; empty if the word is none of them. */
  static Optional<Boolean> flag(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "on", "true", "yes", "1" -> Optional.of(true);
      case "off", "false", "no", "0" -> Optional.of(false);
      default -> Optional.empty();
    };
  }
}
