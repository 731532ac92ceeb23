package io.sockscope.shell.complete;

/**
 * One way to finish the word under the cursor: the text that replaces the word, what it is (for
 * grouping and colour), a one-line description (empty when there is nothing useful to say), and
 * whether the word is then finished, so that a space follows ({@code connect }), or goes on
 * ({@code s.connect(}, {@code @logs/}).
 */
public record Candidate(String value, Category category, String description, boolean closed) {

  /** What a candidate is, which the line shell shows as its group. */
  public enum Category {
    STATEMENT("statements"),
    KEYWORD("keywords"),
    SOCKET("sockets"),
    VARIABLE("names"),
    METHOD("methods"),
    CONSTANT("constants"),
    OPTION("socket options"),
    WORD("words"),
    ERROR_NAME("error names"),
    EXPLANATION("explanation codes"),
    STATE("TCP states"),
    PEER_KIND("peer kinds"),
    PEER("peers"),
    TOPIC("help topics"),
    FILE("files");

    private final String label;

    Category(String label) {
      this.label = label;
    }

    /** The group heading, in plain words. */
    public String label() {
      return label;
    }
  }
}
