package io.sockscope.shell.complete;

import io.sockscope.shell.complete.Candidate.Category;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * File names after {@code @} (a DATA literal that sends a file's contents): the entries of the
 * directory the typed path names, relative to the session's directory unless absolute or under
 * {@code ~/}. A directory completes with its {@code /} and leaves the word open; hidden entries
 * show only when the typed name starts with a dot. An unreadable directory offers nothing.
 */
final class PathCompletion {

  /** More entries than this in one directory are not all offered. */
  private static final int MAX_ENTRIES = 500;

  private final Path directory;

  PathCompletion(Path directory) {
    this.directory = directory;
  }

  /** Completes {@code typed}, the path after the {@code @} that ends at the cursor. */
  Completions complete(String typed, int from) {
    int slash = typed.lastIndexOf('/');
    String parentText = slash < 0 ? "" : typed.substring(0, slash + 1);
    String namePrefix = typed.substring(slash + 1);
    Path parent = resolve(parentText);
    if (!Files.isDirectory(parent)) {
      return Completions.none(from + typed.length());
    }
    List<Candidate> out = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!name.startsWith(namePrefix) || name.startsWith(".") && !namePrefix.startsWith(".")) {
          continue;
        }
        boolean dir = Files.isDirectory(entry);
        out.add(new Candidate(parentText + name + (dir ? "/" : ""), Category.FILE,
            dir ? "directory" : size(entry), !dir));
        if (out.size() >= MAX_ENTRIES) {
          break;
        }
      }
    } catch (IOException | DirectoryIteratorException | UncheckedIOException e) {
      return Completions.none(from + typed.length());
    }
    out.sort(Comparator.comparing(Candidate::value));
    return new Completions(from, out);
  }

  private Path resolve(String parentText) {
    if (parentText.startsWith("~/")) {
      return Path.of(System.getProperty("user.home")).resolve(parentText.substring(2));
    }
    return parentText.isEmpty() ? directory : directory.resolve(parentText);
  }

  private static String size(Path file) {
    try {
      long bytes = Files.size(file);
      return bytes + (bytes == 1 ? " byte" : " bytes");
    } catch (IOException e) {
      return "";
    }
  }
}
