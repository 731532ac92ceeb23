package io.sockscope.tui.view;

import io.sockscope.shell.complete.AutoIndent;
import io.sockscope.shell.complete.TypedIndent;
import io.sockscope.shell.complete.Candidate;
import io.sockscope.shell.complete.Completions;
import io.sockscope.shell.complete.Highlighting;
import io.sockscope.shell.complete.TabCompletion;
import io.sockscope.shell.lang.ParseResult;
import io.sockscope.shell.lang.Parser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The input line of the shell pane, with the line shell's editing: Emacs keys (Ctrl-A/E/B/F,
 * Alt-B/F, Ctrl-K/U/W, Alt-D, Ctrl-Y, Ctrl-T, Ctrl-D), history on Up/Down and Ctrl-P/N,
 * reverse search on Ctrl-R, Tab completion from {@link TabCompletion} (a menu of candidates when
 * there are several, Tab again to step through them), syntax highlighting from {@link
 * Highlighting}, and unfinished entries ({@code with ... :}, an open bracket) continued on more
 * lines under the {@code ... } prompt, indented as the block needs; a blank line ends a block.
 *
 * <p>{@link #press} answers {@link Result#submitted} with a whole entry when Enter finishes one
 * (complete or not valid: the caller runs it or reports it).
 */
public final class EditLine {

  public static final String PROMPT = ">>> ";
  public static final String CONTINUATION = "... ";

  /** What a key did to the line. */
  public record Result(Optional<String> submitted, Optional<ParseResult> parsed,
      Optional<String> message) {
    static final Result NONE = new Result(Optional.empty(), Optional.empty(), Optional.empty());

    static Result say(String message) {
      return new Result(Optional.empty(), Optional.empty(), Optional.of(message));
    }
  }

  private final TabCompletion completion;
  private final History history;
  private final List<String> previous = new ArrayList<>();
  private final TypedIndent typedIndent = new TypedIndent();
  private final StringBuilder line = new StringBuilder();
  private int cursor;
  private String killed = "";
  private int historyIndex;
  private String draft = "";
  private Search search;
  private Menu menu;

  private record Search(String query, int match, String savedText, boolean failed) {}

  /** The candidates on show after Tab; {@code selected} -1 until Tab steps into them. */
  private record Menu(List<Candidate> candidates, int selected, int from, int end,
      String originalLine, int originalCursor) {}

  public EditLine(TabCompletion completion, History history) {
    this.completion = completion;
    this.history = history;
    this.historyIndex = history.size();
  }

  /** The line being typed (the last line of an unfinished entry). */
  public String text() {
    return line.toString();
  }

  public int cursor() {
    return cursor;
  }

  /** The earlier lines of an unfinished entry, shown above the input line. */
  public List<String> previousLines() {
    return List.copyOf(previous);
  }

  /** Whether nothing at all is typed. */
  public boolean isEmpty() {
    return line.isEmpty() && previous.isEmpty();
  }

  public boolean searching() {
    return search != null;
  }

  public boolean menuOpen() {
    return menu != null;
  }

  /** The prompt before the line: {@code >>> }, {@code ... }, or the search's. */
  public String prompt() {
    if (search != null) {
      return (search.failed() ? "(failed reverse-i-search)`" : "(reverse-i-search)`")
          + search.query() + "': ";
    }
    return previous.isEmpty() ? PROMPT : CONTINUATION;
  }

  /** The line in highlighted runs; {@code isSocket} tells socket names. */
  public List<Span> highlighted(Predicate<String> isSocket) {
    String text = line.toString();
    List<Span> out = new ArrayList<>();
    int at = 0;
    for (Highlighting.Run run : Highlighting.classify(text, isSocket)) {
      if (run.start() > at) {
        out.add(new Span(Text.printable(text.substring(at, run.start())), Tone.PLAIN));
      }
      if (run.end() > run.start()) {
        out.add(new Span(Text.printable(text.substring(run.start(), run.end())),
            Tone.of(run.style())));
      }
      at = Math.max(at, run.end());
    }
    if (at < text.length()) {
      out.add(new Span(Text.printable(text.substring(at)), Tone.PLAIN));
    }
    return out;
  }

  /** The completion menu's rows: each candidate and its description, the selected one marked. */
  public List<MenuRow> menu() {
    if (menu == null) {
      return List.of();
    }
    List<MenuRow> out = new ArrayList<>();
    for (int i = 0; i < menu.candidates().size(); i++) {
      Candidate c = menu.candidates().get(i);
      out.add(new MenuRow(c.value(), c.description(), c.category().label(), i == menu.selected()));
    }
    return out;
  }

  /** One candidate of the completion menu. */
  public record MenuRow(String value, String description, String group, boolean selected) {}

  /** Drops what is typed (Ctrl-C at the prompt). */
  public void clear() {
    typedIndent.reset();
    previous.clear();
    line.setLength(0);
    cursor = 0;
    search = null;
    menu = null;
    historyIndex = history.size();
  }

  /** Applies {@code key}. */
  public Result press(Key key) {
    if (search != null) {
      Optional<Result> r = searchKey(key);
      if (r.isPresent()) {
        return r.get();
      }
    }
    if (menu != null) {
      Optional<Result> r = menuKey(key);
      if (r.isPresent()) {
        return r.get();
      }
    }
    return edit(key);
  }

  private Result edit(Key key) {
    switch (key) {
      case Key.Typed(char c) -> {
        if (c == ' ' && !previous.isEmpty()
            && typedIndent.replaces(line.toString(), cursor == line.length())) {
          line.setLength(0);
          cursor = 0;
        }
        insert(String.valueOf(c));
      }
      case Key.Ctrl(char c) -> {
        return ctrl(c);
      }
      case Key.Alt(char c) -> alt(c);
      case Key.Named named -> {
        return named(named);
      }
    }
    return Result.NONE;
  }

  private Result ctrl(char c) {
    switch (c) {
      case 'a' -> cursor = 0;
      case 'e' -> cursor = line.length();
      case 'b' -> cursor = Math.max(0, cursor - 1);
      case 'f' -> cursor = Math.min(line.length(), cursor + 1);
      case 'd' -> deleteForward();
      case 'h' -> deleteBack();
      case 'k' -> kill(cursor, line.length());
      case 'u' -> kill(0, cursor);
      case 'w' -> kill(wordStartBack(true), cursor);
      case 'y' -> insert(killed);
      case 't' -> transpose();
      case 'p' -> older();
      case 'n' -> newer();
      case 'r' -> startSearch();
      case 'j', 'm' -> {
        return enter();
      }
      case 'i' -> {
        return complete();
      }
      default -> {
        // other chords do nothing in the line
      }
    }
    return Result.NONE;
  }

  private void alt(char c) {
    switch (Character.toLowerCase(c)) {
      case 'b' -> cursor = wordStartBack(false);
      case 'f' -> cursor = wordEndForward();
      case 'd' -> kill(cursor, wordEndForward());
      default -> {
        // other Alt chords do nothing in the line
      }
    }
  }

  private Result named(Key.Named key) {
    switch (key) {
      case ENTER -> {
        return enter();
      }
      case TAB -> {
        return complete();
      }
      case LEFT -> cursor = Math.max(0, cursor - 1);
      case RIGHT -> cursor = Math.min(line.length(), cursor + 1);
      case HOME -> cursor = 0;
      case END -> cursor = line.length();
      case CTRL_LEFT -> cursor = wordStartBack(false);
      case CTRL_RIGHT -> cursor = wordEndForward();
      case BACKSPACE -> deleteBack();
      case DELETE -> deleteForward();
      case UP -> older();
      case DOWN -> newer();
      default -> {
        // the view handles the others
      }
    }
    return Result.NONE;
  }

  private void insert(String text) {
    line.insert(cursor, text);
    cursor += text.length();
  }

  private void deleteBack() {
    if (cursor > 0) {
      line.deleteCharAt(--cursor);
    }
  }

  private void deleteForward() {
    if (cursor < line.length()) {
      line.deleteCharAt(cursor);
    }
  }

  private void kill(int from, int to) {
    if (from >= to) {
      return;
    }
    killed = line.substring(from, to);
    line.delete(from, to);
    cursor = from;
  }

  private void transpose() {
    if (line.length() < 2 || cursor == 0) {
      return;
    }
    int at = cursor == line.length() ? cursor - 1 : cursor;
    char a = line.charAt(at - 1);
    line.setCharAt(at - 1, line.charAt(at));
    line.setCharAt(at, a);
    cursor = Math.min(line.length(), at + 1);
  }

  /** Where the word before the cursor starts: blank-delimited for Ctrl-W, else alphanumeric. */
  private int wordStartBack(boolean blankDelimited) {
    int p = cursor;
    while (p > 0 && !isWord(line.charAt(p - 1), blankDelimited)) {
      p--;
    }
    while (p > 0 && isWord(line.charAt(p - 1), blankDelimited)) {
      p--;
    }
    return p;
  }

  private int wordEndForward() {
    int p = cursor;
    while (p < line.length() && !isWord(line.charAt(p), false)) {
      p++;
    }
    while (p < line.length() && isWord(line.charAt(p), false)) {
      p++;
    }
    return p;
  }

  private static boolean isWord(char c, boolean blankDelimited) {
    return blankDelimited ? !Character.isWhitespace(c) : Character.isLetterOrDigit(c) || c == '_';
  }

  private void older() {
    if (historyIndex == 0) {
      return;
    }
    if (historyIndex == history.size()) {
      draft = entry();
    }
    historyIndex--;
    show(history.get(historyIndex));
  }

  private void newer() {
    if (historyIndex >= history.size()) {
      return;
    }
    historyIndex++;
    show(historyIndex == history.size() ? draft : history.get(historyIndex));
  }

  /** The whole entry as typed so far, earlier lines included. */
  public String entry() {
    if (previous.isEmpty()) {
      return line.toString();
    }
    return String.join("\n", previous) + "\n" + line;
  }

  private void show(String entry) {
    previous.clear();
    String[] lines = entry.split("\n", -1);
    for (int i = 0; i < lines.length - 1; i++) {
      previous.add(lines[i]);
    }
    line.setLength(0);
    line.append(lines[lines.length - 1]);
    cursor = line.length();
  }

  private Result enter() {
    String entry = entry();
    if (entry.isBlank() && previous.isEmpty()) {
      clear();
      return Result.NONE;
    }
    ParseResult parsed = Parser.parseEntry(entry);
    if (parsed instanceof ParseResult.Incomplete) {
      int levels = AutoIndent.levelsAfter(line.toString());
      previous.add(line.toString());
      line.setLength(0);
      line.append(" ".repeat(levels * AutoIndent.SPACES));
      cursor = line.length();
      typedIndent.began(line.length());
      return Result.NONE;
    }
    String submitted = entry.stripTrailing().isEmpty() ? entry : stripBlankTail(entry);
    history.add(submitted);
    clear();
    return new Result(Optional.of(submitted), Optional.of(parsed), Optional.empty());
  }

  /** An entry without the blank lines that closed its blocks. */
  private static String stripBlankTail(String entry) {
    String[] lines = entry.split("\n", -1);
    int end = lines.length;
    while (end > 1 && lines[end - 1].isBlank()) {
      end--;
    }
    return String.join("\n", java.util.Arrays.copyOf(lines, end));
  }

  private Result complete() {
    String before = previous.isEmpty() ? "" : String.join("\n", previous) + "\n";
    Completions found = completion.complete(before + line, before.length() + cursor);
    int from = Math.clamp(found.from() - before.length(), 0, cursor);
    List<Candidate> candidates = found.candidates();
    if (candidates.isEmpty()) {
      return Result.say("nothing to complete here");
    }
    if (candidates.size() == 1) {
      Candidate only = candidates.getFirst();
      replace(from, cursor, only.value() + (only.closed() ? " " : ""));
      return Result.NONE;
    }
    String common = commonPrefix(candidates);
    if (common.length() > cursor - from) {
      replace(from, cursor, common);
    }
    menu = new Menu(candidates, -1, from, cursor, line.toString(), cursor);
    return Result.NONE;
  }

  private void replace(int from, int to, String text) {
    line.replace(from, to, text);
    cursor = from + text.length();
  }

  private static String commonPrefix(List<Candidate> candidates) {
    String first = candidates.getFirst().value();
    int n = first.length();
    for (Candidate c : candidates) {
      String v = c.value();
      int i = 0;
      while (i < Math.min(n, v.length()) && Character.toLowerCase(v.charAt(i))
          == Character.toLowerCase(first.charAt(i))) {
        i++;
      }
      n = i;
    }
    return first.substring(0, n);
  }

  private Optional<Result> menuKey(Key key) {
    Menu m = menu;
    if (key == Key.Named.TAB || key.equals(new Key.Ctrl('i')) || key == Key.Named.BACK_TAB) {
      int size = m.candidates().size();
      int step = key == Key.Named.BACK_TAB ? size - 1 : 1;
      int next = m.selected() < 0 ? (step == 1 ? 0 : size - 1) : (m.selected() + step) % size;
      String value = m.candidates().get(next).value();
      line.replace(m.from(), m.end(), value);
      cursor = m.from() + value.length();
      menu = new Menu(m.candidates(), next, m.from(), cursor, m.originalLine(),
          m.originalCursor());
      return Optional.of(Result.NONE);
    }
    if (key == Key.Named.ESCAPE || key.equals(new Key.Ctrl('g'))) {
      line.setLength(0);
      line.append(m.originalLine());
      cursor = m.originalCursor();
      menu = null;
      return Optional.of(Result.NONE);
    }
    menu = null;
    if (key == Key.Named.ENTER && m.selected() >= 0) {
      if (m.candidates().get(m.selected()).closed()) {
        insert(" ");
      }
      return Optional.of(Result.NONE);
    }
    return Optional.empty();
  }

  private void startSearch() {
    search = new Search("", history.size(), entry(), false);
  }

  private Optional<Result> searchKey(Key key) {
    Search s = search;
    switch (key) {
      case Key.Typed(char c) -> {
        find(s.query() + c, s.match());
        return Optional.of(Result.NONE);
      }
      case Key.Ctrl(char c) when c == 'r' -> {
        find(s.query(), s.match() - 1);
        return Optional.of(Result.NONE);
      }
      case Key.Ctrl(char c) when c == 'g' -> {
        cancelSearch();
        return Optional.of(Result.NONE);
      }
      case Key.Named n when n == Key.Named.ESCAPE -> {
        cancelSearch();
        return Optional.of(Result.NONE);
      }
      case Key.Named n when n == Key.Named.BACKSPACE -> {
        String q = s.query().isEmpty() ? "" : s.query().substring(0, s.query().length() - 1);
        find(q, history.size() - 1);
        return Optional.of(Result.NONE);
      }
      default -> {
        search = null;
        historyIndex = history.size();
        return key == Key.Named.ENTER ? Optional.of(enter()) : Optional.empty();
      }
    }
  }

  private void find(String query, int from) {
    Search s = search;
    Optional<Integer> at = query.isEmpty() ? Optional.empty() : history.searchBack(query, from);
    if (at.isPresent()) {
      String found = history.get(at.get());
      show(found);
      int index = found.lastIndexOf(query);
      int lineStart = found.lastIndexOf('\n') + 1;
      cursor = Math.clamp(index - lineStart, 0, line.length());
      search = new Search(query, at.get(), s.savedText(), false);
    } else {
      search = new Search(query, s.match(), s.savedText(), !query.isEmpty());
    }
  }

  private void cancelSearch() {
    show(search.savedText());
    search = null;
  }
}
