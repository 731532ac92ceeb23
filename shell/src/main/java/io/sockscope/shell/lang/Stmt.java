package io.sockscope.shell.lang;

import java.util.List;
import java.util.Optional;

/**
 * A statement of the statement language: Python's statements (socket calls are expression
 * statements and assignments, whichever spelling wrote them) and sockscope's own ({@link Sleep},
 * {@link Expect}, {@link Serve}, {@link Stop}, {@link Sockets}, {@link Peers}, {@link Jobs},
 * {@link Help}, {@link Exit}, {@link Background}).
 *
 * <p>{@link #source()} is the statement's text as written, which the transcript prints as the
 * call line: the whole statement for a simple one (several physical lines if brackets continue
 * it; a short-form statement without its comment), the header up to its {@code :} for a compound
 * one. {@link #span()} covers the same text.
 */
public sealed interface Stmt {

  Span span();

  String source();

  /** An expression evaluated for its effect: {@code s.connect(("127.0.0.1", 9000))}. */
  record ExprStmt(Expr expr, Span span, String source) implements Stmt {}

  /** {@code a = b = value}: each target receives the value, left to right. */
  record Assign(List<Target> targets, Expr value, Span span, String source) implements Stmt {

    public Assign {
      targets = List.copyOf(targets);
    }
  }

  /** {@code target OP= value}. */
  record AugAssign(Target target, BinaryOperator operator, Expr value, Span span, String source)
      implements Stmt {}

  /** {@code with item, ...:} and its block. */
  record With(List<WithItem> items, List<Stmt> body, Span span, String source) implements Stmt {

    public With {
      items = List.copyOf(items);
      body = List.copyOf(body);
    }
  }

  /** One context manager of a {@code with}: {@code socket.socket() as s}. */
  record WithItem(Expr context, Optional<Target> target) {}

  /** {@code while test:} with an optional {@code else:} block. */
  record While(Expr test, List<Stmt> body, List<Stmt> orElse, Span span, String source)
      implements Stmt {

    public While {
      body = List.copyOf(body);
      orElse = List.copyOf(orElse);
    }
  }

  /** {@code if test:}; an {@code elif} is an {@code If} alone in {@code orElse}. */
  record If(Expr test, List<Stmt> body, List<Stmt> orElse, Span span, String source)
      implements Stmt {

    public If {
      body = List.copyOf(body);
      orElse = List.copyOf(orElse);
    }
  }

  /** {@code for target in iterable:} with an optional {@code else:} block. */
  record For(
      Target target, Expr iterable, List<Stmt> body, List<Stmt> orElse, Span span, String source)
      implements Stmt {

    public For {
      body = List.copyOf(body);
      orElse = List.copyOf(orElse);
    }
  }

  /** {@code try:} with its handlers, {@code else:} and {@code finally:} blocks. */
  record Try(
      List<Stmt> body,
      List<Handler> handlers,
      List<Stmt> orElse,
      List<Stmt> finalBody,
      Span span,
      String source)
      implements Stmt {

    public Try {
      body = List.copyOf(body);
      handlers = List.copyOf(handlers);
      orElse = List.copyOf(orElse);
      finalBody = List.copyOf(finalBody);
    }
  }

  /** {@code except [type [as name]]:} and its block; no type catches everything. */
  record Handler(
      Optional<Expr> type, Optional<String> name, List<Stmt> body, Span span, String source) {

    public Handler {
      body = List.copyOf(body);
    }
  }

  /** {@code break}. */
  record Break(Span span, String source) implements Stmt {}

  /** {@code continue}. */
  record Continue(Span span, String source) implements Stmt {}

  /** {@code pass}. */
  record Pass(Span span, String source) implements Stmt {}

  /** {@code raise [exception [from cause]]}. */
  record Raise(Optional<Expr> exception, Optional<Expr> cause, Span span, String source)
      implements Stmt {}

  /** {@code import a.b [as c], ...}. */
  record Import(List<Alias> names, Span span, String source) implements Stmt {

    public Import {
      names = List.copyOf(names);
    }
  }

  /**
   * {@code from module import name [as other], ...}; {@code level} counts leading dots of a
   * relative import, and {@code from m import *} has the one alias {@code *}.
   */
  record ImportFrom(String module, int level, List<Alias> names, Span span, String source)
      implements Stmt {

    public ImportFrom {
      names = List.copyOf(names);
    }
  }

  /** A name an import binds: {@code struct}, or {@code os.path as p}. */
  record Alias(String name, Optional<String> asName) {}

  /** {@code del target, ...}. */
  record Delete(List<Target> targets, Span span, String source) implements Stmt {

    public Delete {
      targets = List.copyOf(targets);
    }
  }

  /** {@code assert test [, message]}. */
  record Assert(Expr test, Optional<Expr> message, Span span, String source) implements Stmt {}

  /**
   * Waits: {@code sleep 500ms}, {@code time.sleep(0.5)} as a statement. {@code seconds} is the
   * expression the Python spelling passes ({@code 500ms} is {@code 0.5}).
   */
  record Sleep(Expr seconds, Span span, String source) implements Stmt {}

  /** {@code expect ...}: about the statement just before it (SPEC §7). */
  record Expect(Expectation expectation, Span span, String source) implements Stmt {}

  /**
   * {@code serve KIND [[HOST:]PORT] [as NAME]}: starts a built-in peer. No host means the
   * loopback default (127.0.0.1); port 0 (also when none is written) lets the kernel pick.
   */
  record Serve(
      PeerKind kind, Optional<String> host, int port, Optional<String> name, Span span,
      String source)
      implements Stmt {}

  /** {@code stop PEER}: stops a built-in peer. */
  record Stop(PeerRef peer, Span span, String source) implements Stmt {}

  /** {@code sockets}: the table of open sockets. */
  record Sockets(Span span, String source) implements Stmt {}

  /** {@code peers}: the running built-in peers. */
  record Peers(Span span, String source) implements Stmt {}

  /** {@code jobs}: calls running in the background. */
  record Jobs(Span span, String source) implements Stmt {}

  /** {@code help [TOPIC]}; a topic is a statement keyword ({@link Vocabulary#helpTopic}). */
  record Help(Optional<String> topic, Span span, String source) implements Stmt {}

  /** {@code exit}, {@code quit}, {@code exit()}: closes every socket and peer and ends. */
  record Exit(Span span, String source) implements Stmt {}

  /**
   * A call followed by {@code &}: runs in the background and reports when done. {@code call} is
   * an {@link ExprStmt} or {@link Assign} whose value is a call; its source is without the
   * {@code &}.
   */
  record Background(Stmt call, Span span, String source) implements Stmt {}
}
