package io.sockscope.shell.complete;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the entry being typed binds to sockets before the cursor, which the session cannot know
 * yet because the entry has not run: {@code with socket.socket(...) as s:}, {@code s =
 * socket.socket(...)}, {@code conn, addr = server.accept()}, {@code socket s}. So inside a
 * {@code with} block, {@code s.con} completes before the block runs.
 */
final class EntrySockets {

  private static final Pattern WITH = Pattern.compile(
      "\\bwith\\s+socket\\.(?:socket|create_connection)\\(.*?\\)\\s+as\\s+([A-Za-z_]\\w*)");
  private static final Pattern ASSIGN = Pattern.compile(
      "(?m)^\\s*([A-Za-z_]\\w*)\\s*=\\s*socket\\.(?:socket|create_connection)\\(");
  private static final Pattern ACCEPT = Pattern.compile(
      "(?m)^\\s*([A-Za-z_]\\w*)\\s*,\\s*[A-Za-z_]\\w*\\s*=\\s*[A-Za-z_]\\w*\\.accept\\(");
  private static final Pattern SHORT = Pattern.compile(
      "(?m)^\\s*(?:socket\\s+([A-Za-z_]\\w*)|accept\\s+\\w+\\s+as\\s+([A-Za-z_]\\w*))");

  private EntrySockets() {}

  /** {@code names} with the sockets {@code text[0, upTo)} binds added to its sockets. */
  static SessionNames adding(SessionNames names, String text, int upTo) {
    Set<String> bound = names(text, upTo);
    if (bound.isEmpty()) {
      return names;
    }
    return new SessionNames() {
      @Override
      public List<Known> sockets() {
        List<Known> out = new ArrayList<>(names.sockets());
        for (String name : bound) {
          if (out.stream().noneMatch(k -> k.name().equals(name))) {
            out.add(new Known(name, "a socket this entry makes"));
          }
        }
        return out;
      }

      @Override
      public List<Known> variables() {
        return names.variables().stream().filter(k -> !bound.contains(k.name())).toList();
      }

      @Override
      public List<Known> peers() {
        return names.peers();
      }
    };
  }

  /** The socket names bound in {@code text[0, upTo)}, in order of appearance. */
  static Set<String> names(String text, int upTo) {
    String before = text.substring(0, upTo);
    Set<String> names = new LinkedHashSet<>();
    for (Pattern p : new Pattern[] {WITH, ASSIGN, ACCEPT}) {
      Matcher m = p.matcher(before);
      while (m.find()) {
        names.add(m.group(1));
      }
    }
    Matcher m = SHORT.matcher(before);
    while (m.find()) {
      names.add(m.group(1) != null ? m.group(1) : m.group(2));
    }
    return names;
  }
}
