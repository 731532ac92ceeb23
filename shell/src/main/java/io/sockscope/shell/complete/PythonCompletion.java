package io.sockscope.shell.complete;

import io.sockscope.shell.complete.Candidate.Category;
import io.sockscope.shell.lang.SocketOption;
import io.sockscope.shell.lang.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Completion in the Python form: methods after a socket's name and a dot, the {@code socket}
 * module's members after {@code socket.}, and inside the calls whose arguments are constants
 * ({@code setsockopt(}, {@code getsockopt(}, {@code shutdown(}, {@code socket.socket(}) only the
 * constants that fit the argument under the cursor; elsewhere the session's names and Python's
 * expression keywords.
 */
final class PythonCompletion {

  static final Set<String> PYTHON_KEYWORDS =
      Set.of(
          "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
          "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
          "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
          "return", "try", "while", "with", "yield");

  private static final List<String> STATEMENT_KEYWORDS =
      List.of("import", "from", "with", "while", "if", "elif", "else", "for", "try", "except",
          "finally", "raise", "break", "continue", "pass", "del", "assert");

  private static final List<String> EXPRESSION_KEYWORDS =
      List.of("None", "True", "False", "not", "and", "or", "in", "is");

  private static final Map<String, String> CONSTANT_NOTES =
      Map.of(
          "AF_INET", "IPv4",
          "AF_INET6", "IPv6",
          "SOCK_STREAM", "TCP",
          "SOL_SOCKET", "level of the socket's own options (SO_...)",
          "IPPROTO_TCP", "level of TCP's options (TCP_...)",
          "SHUT_RD", "stop receiving",
          "SHUT_WR", "stop sending: the peer reads EOF (FIN)",
          "SHUT_RDWR", "stop both");

  private static final Map<String, String> FUNCTION_NOTES =
      Map.of(
          "socket", "create a socket: socket.socket(socket.AF_INET, socket.SOCK_STREAM)",
          "create_connection", "create a socket and connect it: create_connection((host, port))");

  private final SessionNames names;

  PythonCompletion(SessionNames names) {
    this.names = names;
  }

  /** Python's statement keywords and {@code print(}, for the start of a statement. */
  static List<Candidate> statementKeywords() {
    List<Candidate> out = new ArrayList<>();
    for (String k : STATEMENT_KEYWORDS) {
      out.add(new Candidate(k, Category.KEYWORD, "", true));
    }
    out.add(new Candidate("print(", Category.KEYWORD, "print values as Python does", false));
    return out;
  }

  /** The session's names and the modules a statement can use. */
  static List<Candidate> names(SessionNames names) {
    List<Candidate> out = new ArrayList<>();
    names.sockets().forEach(k ->
        out.add(new Candidate(k.name(), Category.SOCKET, k.description(), false)));
    names.variables().forEach(k ->
        out.add(new Candidate(k.name(), Category.VARIABLE, k.description(), false)));
    out.add(new Candidate("socket.", Category.VARIABLE, "the socket module", false));
    out.add(new Candidate("time.sleep(", Category.VARIABLE, "wait: time.sleep(0.5)", false));
    out.add(new Candidate("struct.pack(", Category.VARIABLE,
        "pack values: struct.pack(\"ii\", 1, 0) for SO_LINGER", false));
    return out;
  }

  /** The word {@code prefix} at {@code from} follows {@code qualifier.}. */
  Completions afterDot(String text, LineScan scan, String qualifier, String prefix, int from) {
    List<Candidate> all;
    if (qualifier.equals("socket")) {
      all = constantsAt(text, scan, from).orElseGet(PythonCompletion::moduleMembers);
    } else if (isSocket(qualifier)) {
      all = methods();
    } else if (qualifier.equals("time")) {
      all = List.of(new Candidate("sleep(", Category.METHOD, "wait: time.sleep(0.5)", false));
    } else if (qualifier.equals("struct")) {
      all = List.of(new Candidate("pack(", Category.METHOD,
          "pack values: struct.pack(\"ii\", 1, 0) for SO_LINGER", false));
    } else {
      all = List.of();
    }
    return new Completions(from, TabCompletion.filter(all, prefix));
  }

  /** The unqualified word {@code prefix} at {@code from}, inside an expression. */
  Completions inExpression(String text, LineScan scan, String prefix, int from) {
    Optional<List<Candidate>> constants = constantsAt(text, scan, from);
    List<Candidate> all = new ArrayList<>();
    if (constants.isPresent()) {
      constants.get().forEach(c ->
          all.add(new Candidate("socket." + c.value(), c.category(), c.description(), c.closed())));
    } else {
      all.addAll(names(names));
      for (String k : EXPRESSION_KEYWORDS) {
        all.add(new Candidate(k, Category.KEYWORD, "", true));
      }
    }
    return new Completions(from, TabCompletion.filter(all, prefix));
  }

  /**
   * The {@code socket} constants that fit the argument under the cursor when it is an argument
   * of a call that takes constants; empty elsewhere.
   */
  private static Optional<List<Candidate>> constantsAt(String text, LineScan scan, int word) {
    if (scan.openBrackets().isEmpty() || text.charAt(scan.openBrackets().peek()) != '(') {
      return Optional.empty();
    }
    int open = scan.openBrackets().peek();
    String callee = callee(text, open, scan.lineStart());
    List<String> args = arguments(text, open + 1, word);
    int index = args.size() - 1;
    String method = callee.substring(callee.lastIndexOf('.') + 1);
    return switch (method) {
      case "setsockopt", "getsockopt" -> switch (index) {
        case 0 -> Optional.of(constants(List.of("SOL_SOCKET", "IPPROTO_TCP")));
        case 1 -> Optional.of(options(args.getFirst()));
        default -> Optional.empty();
      };
      case "shutdown" -> index == 0
          ? Optional.of(constants(List.of("SHUT_RD", "SHUT_WR", "SHUT_RDWR")))
          : Optional.empty();
      case "socket" -> !callee.equals("socket.socket") ? Optional.empty() : switch (index) {
        case 0 -> Optional.of(constants(List.of("AF_INET", "AF_INET6")));
        case 1 -> Optional.of(constants(List.of("SOCK_STREAM")));
        default -> Optional.empty();
      };
      default -> Optional.empty();
    };
  }

  /** The dotted name just before the bracket at {@code open}. */
  private static String callee(String text, int open, int lineStart) {
    int p = open;
    while (p > lineStart
        && (TabCompletion.isIdentifierPart(text.charAt(p - 1)) || text.charAt(p - 1) == '.')) {
      p--;
    }
    return text.substring(p, open);
  }

  /**
   * The arguments typed so far in {@code text[from, to)}, split at the commas outside nested
   * brackets and quotes; the last one is the one under the cursor.
   */
  private static List<String> arguments(String text, int from, int to) {
    List<String> args = new ArrayList<>();
    int depth = 0;
    char quote = 0;
    int start = from;
    for (int p = from; p < to; p++) {
      char c = text.charAt(p);
      if (quote != 0) {
        if (c == '\\') {
          p++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      } else if (c == ',' && depth == 0) {
        args.add(text.substring(start, p).strip());
        start = p + 1;
      }
    }
    args.add(text.substring(start, to).strip());
    return args;
  }

  private static List<Candidate> options(String levelArgument) {
    List<Candidate> out = new ArrayList<>();
    for (SocketOption o : Vocabulary.options()) {
      if (!levelArgument.endsWith("SOL_SOCKET") && !levelArgument.endsWith("IPPROTO_TCP")
          || levelArgument.endsWith(o.level())) {
        out.add(new Candidate(o.constant(), Category.OPTION, o.summary(), false));
      }
    }
    return out;
  }

  private static List<Candidate> constants(List<String> constants) {
    return constants.stream()
        .map(c -> new Candidate(c, Category.CONSTANT, CONSTANT_NOTES.getOrDefault(c, ""), false))
        .toList();
  }

  private static List<Candidate> moduleMembers() {
    List<Candidate> out = new ArrayList<>();
    for (String f : Vocabulary.socketFunctions()) {
      out.add(new Candidate(f + "(", Category.METHOD, FUNCTION_NOTES.getOrDefault(f, ""), false));
    }
    for (String c : Vocabulary.socketConstants()) {
      String note = Vocabulary.option(c).map(SocketOption::summary)
          .orElse(CONSTANT_NOTES.getOrDefault(c, ""));
      Category category = Vocabulary.option(c).isPresent() ? Category.OPTION : Category.CONSTANT;
      out.add(new Candidate(c, category, note, false));
    }
    return out;
  }

  private static List<Candidate> methods() {
    return Vocabulary.socketMethods().stream()
        .map(m -> new Candidate(m + "(", Category.METHOD,
            Vocabulary.helpTopic(m).map(c -> c.summary()).orElse(""), false))
        .toList();
  }

  private boolean isSocket(String name) {
    return names.sockets().stream().anyMatch(k -> k.name().equals(name));
  }
}
