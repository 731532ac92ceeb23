package io.sockscope.shell.run;

import java.util.List;
import java.util.Optional;

/**
 * A Python exception instance: its class and its arguments, plus the two attributes OSError
 * gives its subclasses ({@code errno}, {@code strerror}). How it prints follows
 * {@code BaseException.__str__} and {@code OSError.__str__}.
 */
public final class ExceptionValue implements Value {
  private final Value.Type type;
  private final List<Value> args;
  private final Optional<Value> errno;
  private final Optional<Value> strerror;

  ExceptionValue(Value.Type type, List<Value> args, Optional<Value> errno, Optional<Value> strerror) {
    this.type = type;
    this.args = List.copyOf(args);
    this.errno = errno;
    this.strerror = strerror;
  }

  public Value.Type type() {
    return type;
  }

  public List<Value> args() {
    return args;
  }

  /** {@code e.errno}: None unless the exception is an OSError made with one. */
  public Value errno() {
    return errno.orElse(Value.None.NONE);
  }

  public Value strerror() {
    return strerror.orElse(Value.None.NONE);
  }

  /** {@code str(e)}. */
  public String message() {
    if (errno.isPresent() && strerror.isPresent()) {
      return "[Errno " + Repr.str(errno.get()) + "] " + Repr.str(strerror.get());
    }
    if (type.isSubclassOf(Exceptions.KEY_ERROR) && args.size() == 1) {
      return Repr.repr(args.getFirst());
    }
    return switch (args.size()) {
      case 0 -> "";
      case 1 -> Repr.str(args.getFirst());
      default -> Repr.repr(new Value.Tuple(args));
    };
  }

  /** The last line of Python's traceback: {@code ConnectionRefusedError: [Errno 111] ...}. */
  public String tracebackLine() {
    String message = message();
    return message.isEmpty() ? type.qualifiedName() : type.qualifiedName() + ": " + message;
  }
}
