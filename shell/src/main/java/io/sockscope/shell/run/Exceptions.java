package io.sockscope.shell.run;

import io.sockscope.engine.Errno;
import io.sockscope.engine.Failure;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Python's exception classes that socket scripts meet, in CPython's hierarchy, and the one place
 * that turns an engine {@link Failure} into the exception Python raises for it: an errno picks
 * the OSError subclass as PEP 3151 does ({@code ECONNREFUSED} is ConnectionRefusedError), a
 * timeout is {@code TimeoutError: timed out}, a cancelled call is {@code KeyboardInterrupt}, an
 * unresolvable host is {@code socket.gaierror}.
 */
final class Exceptions {
  static final Value.Type BASE_EXCEPTION = root();
  static final Value.Type SYSTEM_EXIT = type("SystemExit", BASE_EXCEPTION);
  static final Value.Type KEYBOARD_INTERRUPT = type("KeyboardInterrupt", BASE_EXCEPTION);
  static final Value.Type EXCEPTION = type("Exception", BASE_EXCEPTION);
  static final Value.Type STOP_ITERATION = type("StopIteration", EXCEPTION);
  static final Value.Type ARITHMETIC_ERROR = type("ArithmeticError", EXCEPTION);
  static final Value.Type ZERO_DIVISION_ERROR = type("ZeroDivisionError", ARITHMETIC_ERROR);
  static final Value.Type OVERFLOW_ERROR = type("OverflowError", ARITHMETIC_ERROR);
  static final Value.Type ASSERTION_ERROR = type("AssertionError", EXCEPTION);
  static final Value.Type ATTRIBUTE_ERROR = type("AttributeError", EXCEPTION);
  static final Value.Type LOOKUP_ERROR = type("LookupError", EXCEPTION);
  static final Value.Type INDEX_ERROR = type("IndexError", LOOKUP_ERROR);
  static final Value.Type KEY_ERROR = type("KeyError", LOOKUP_ERROR);
  static final Value.Type NAME_ERROR = type("NameError", EXCEPTION);
  static final Value.Type RUNTIME_ERROR = type("RuntimeError", EXCEPTION);
  static final Value.Type NOT_IMPLEMENTED_ERROR = type("NotImplementedError", RUNTIME_ERROR);
  static final Value.Type TYPE_ERROR = type("TypeError", EXCEPTION);
  static final Value.Type VALUE_ERROR = type("ValueError", EXCEPTION);
  static final Value.Type UNICODE_ERROR = type("UnicodeError", VALUE_ERROR);
  static final Value.Type UNICODE_DECODE_ERROR = type("UnicodeDecodeError", UNICODE_ERROR);
  static final Value.Type UNICODE_ENCODE_ERROR = type("UnicodeEncodeError", UNICODE_ERROR);
  static final Value.Type IMPORT_ERROR = type("ImportError", EXCEPTION);
  static final Value.Type MODULE_NOT_FOUND_ERROR = type("ModuleNotFoundError", IMPORT_ERROR);
  static final Value.Type OS_ERROR = osErrorType();
  static final Value.Type CONNECTION_ERROR = type("ConnectionError", OS_ERROR);
  static final Value.Type BROKEN_PIPE_ERROR = type("BrokenPipeError", CONNECTION_ERROR);
  static final Value.Type CONNECTION_ABORTED_ERROR = type("ConnectionAbortedError", CONNECTION_ERROR);
  static final Value.Type CONNECTION_REFUSED_ERROR = type("ConnectionRefusedError", CONNECTION_ERROR);
  static final Value.Type CONNECTION_RESET_ERROR = type("ConnectionResetError", CONNECTION_ERROR);
  static final Value.Type BLOCKING_IO_ERROR = type("BlockingIOError", OS_ERROR);
  static final Value.Type INTERRUPTED_ERROR = type("InterruptedError", OS_ERROR);
  static final Value.Type TIMEOUT_ERROR = type("TimeoutError", OS_ERROR);
  static final Value.Type FILE_NOT_FOUND_ERROR = type("FileNotFoundError", OS_ERROR);
  static final Value.Type FILE_EXISTS_ERROR = type("FileExistsError", OS_ERROR);
  static final Value.Type PERMISSION_ERROR = type("PermissionError", OS_ERROR);
  static final Value.Type IS_A_DIRECTORY_ERROR = type("IsADirectoryError", OS_ERROR);
  static final Value.Type NOT_A_DIRECTORY_ERROR = type("NotADirectoryError", OS_ERROR);
  static final Value.Type GAIERROR = new Value.Type("gaierror", "socket", Optional.of(OS_ERROR),
      args -> construct(Exceptions.GAIERROR, args));
  static final Value.Type HERROR = new Value.Type("herror", "socket", Optional.of(OS_ERROR),
      args -> construct(Exceptions.HERROR, args));
  static final Value.Type STRUCT_ERROR = new Value.Type("error", "struct", Optional.of(EXCEPTION),
      args -> construct(Exceptions.STRUCT_ERROR, args));

  /** OSError subclasses by errno name (PEP 3151). */
  private static final Map<String, Value.Type> BY_ERRNO = Map.ofEntries(
      Map.entry("EAGAIN", BLOCKING_IO_ERROR),
      Map.entry("EALREADY", BLOCKING_IO_ERROR),
      Map.entry("EINPROGRESS", BLOCKING_IO_ERROR),
      Map.entry("EPIPE", BROKEN_PIPE_ERROR),
      Map.entry("ESHUTDOWN", BROKEN_PIPE_ERROR),
      Map.entry("ECONNABORTED", CONNECTION_ABORTED_ERROR),
      Map.entry("ECONNREFUSED", CONNECTION_REFUSED_ERROR),
      Map.entry("ECONNRESET", CONNECTION_RESET_ERROR),
      Map.entry("EINTR", INTERRUPTED_ERROR),
      Map.entry("ETIMEDOUT", TIMEOUT_ERROR),
      Map.entry("ENOENT", FILE_NOT_FOUND_ERROR),
      Map.entry("EEXIST", FILE_EXISTS_ERROR),
      Map.entry("EACCES", PERMISSION_ERROR),
      Map.entry("EPERM", PERMISSION_ERROR),
      Map.entry("EISDIR", IS_A_DIRECTORY_ERROR),
      Map.entry("ENOTDIR", NOT_A_DIRECTORY_ERROR));

  /** getaddrinfo's EAI_* names by minus their glibc code. */
  private static final List<String> EAI_NAMES = List.of("", "EAI_BADFLAGS", "EAI_NONAME",
      "EAI_AGAIN", "EAI_FAIL", "EAI_NODATA", "EAI_FAMILY", "EAI_SOCKTYPE", "EAI_SERVICE",
      "EAI_ADDRFAMILY", "EAI_MEMORY", "EAI_SYSTEM", "EAI_OVERFLOW");

  private Exceptions() {}

  private static String eaiName(int code) {
    return -code < EAI_NAMES.size() ? EAI_NAMES.get(-code) : "EAI_" + code;
  }

  private static Value.Type root() {
    Value.Type[] self = new Value.Type[1];
    self[0] = new Value.Type("BaseException", "builtins", Optional.empty(),
        args -> construct(self[0], args));
    return self[0];
  }

  private static Value.Type type(String name, Value.Type base) {
    Value.Type[] self = new Value.Type[1];
    self[0] = new Value.Type(name, "builtins", Optional.of(base), args -> construct(self[0], args));
    return self[0];
  }

  private static Value.Type osErrorType() {
    Value.Type[] self = new Value.Type[1];
    self[0] = new Value.Type("OSError", "builtins", Optional.of(EXCEPTION),
        args -> construct(self[0], args));
    return self[0];
  }

  /** The exception classes under their built-in names, for the builtins namespace. */
  static Map<String, Value> builtinClasses() {
    Map<String, Value> classes = new LinkedHashMap<>();
    for (Value.Type t : List.of(BASE_EXCEPTION, SYSTEM_EXIT, KEYBOARD_INTERRUPT, EXCEPTION,
        STOP_ITERATION, ARITHMETIC_ERROR, ZERO_DIVISION_ERROR, OVERFLOW_ERROR, ASSERTION_ERROR,
        ATTRIBUTE_ERROR, LOOKUP_ERROR, INDEX_ERROR, KEY_ERROR, NAME_ERROR, RUNTIME_ERROR,
        NOT_IMPLEMENTED_ERROR, TYPE_ERROR, VALUE_ERROR, UNICODE_ERROR, UNICODE_DECODE_ERROR,
        UNICODE_ENCODE_ERROR, IMPORT_ERROR, MODULE_NOT_FOUND_ERROR, OS_ERROR, CONNECTION_ERROR,
        BROKEN_PIPE_ERROR, CONNECTION_ABORTED_ERROR, CONNECTION_REFUSED_ERROR,
        CONNECTION_RESET_ERROR, BLOCKING_IO_ERROR, INTERRUPTED_ERROR, TIMEOUT_ERROR,
        FILE_NOT_FOUND_ERROR, FILE_EXISTS_ERROR, PERMISSION_ERROR, IS_A_DIRECTORY_ERROR,
        NOT_A_DIRECTORY_ERROR)) {
      classes.put(t.name(), t);
    }
    classes.put("EnvironmentError", OS_ERROR);
    classes.put("IOError", OS_ERROR);
    return classes;
  }

  /** Calling an exception class: OSError(errno, strerror) picks its subclass by errno. */
  private static Value construct(Value.Type type, Args args) {
    args.noKeywords();
    List<Value> values = args.all();
    if (type.isSubclassOf(OS_ERROR) && values.size() >= 2 && values.size() <= 5) {
      Value.Type actual = type;
      if (type == OS_ERROR && Ops.isInt(values.get(0))) {
        BigInteger number = Ops.index(values.get(0));
        if (number.bitLength() < 31) {
          actual = forErrno(Errno.of(number.intValue()).name()).orElse(OS_ERROR);
        }
      }
      return new ExceptionValue(actual, values.subList(0, 2), Optional.of(values.get(0)),
          Optional.of(values.get(1)));
    }
    return new ExceptionValue(type, values, Optional.empty(), Optional.empty());
  }

  /** The OSError subclass Python raises for {@code errnoName}, if it has one of its own. */
  static Optional<Value.Type> forErrno(String errnoName) {
    return Optional.ofNullable(BY_ERRNO.get(errnoName));
  }

  /** An exception of {@code type} with one message argument. */
  static ExceptionValue create(Value.Type type, String message) {
    return new ExceptionValue(type, List.of(new Value.Str(message)), Optional.empty(),
        Optional.empty());
  }

  /** An exception of {@code type} without arguments ({@code KeyboardInterrupt}). */
  static ExceptionValue bare(Value.Type type) {
    return new ExceptionValue(type, List.of(), Optional.empty(), Optional.empty());
  }

  /** The OSError (subclass) for an errno: {@code [Errno 111] Connection refused}. */
  static ExceptionValue fromErrno(Errno errno) {
    Value.Type type = forErrno(errno.name()).orElse(OS_ERROR);
    Value number = Value.Int.of(errno.number());
    Value text = new Value.Str(errno.message());
    return new ExceptionValue(type, List.of(number, text), Optional.of(number), Optional.of(text));
  }

  /** The exception Python raises for an engine failure. */
  static ExceptionValue fromFailure(Failure failure) {
    return switch (failure) {
      case Failure.OsError os -> fromErrno(os.errno());
      case Failure.TimedOut t -> create(TIMEOUT_ERROR, Failure.TimedOut.MESSAGE);
      case Failure.Cancelled c -> bare(KEYBOARD_INTERRUPT);
      case Failure.AddressError a -> {
        Value number = Value.Int.of(a.code());
        Value text = new Value.Str(a.message());
        yield new ExceptionValue(GAIERROR, List.of(number, text), Optional.of(number),
            Optional.of(text));
      }
      case Failure.BadArgument b -> create(switch (b.exception()) {
        case VALUE_ERROR -> VALUE_ERROR;
        case OVERFLOW_ERROR -> OVERFLOW_ERROR;
        case OS_ERROR -> OS_ERROR;
      }, b.message());
      case Failure.NameInUse n -> create(RUNTIME_ERROR, "a socket named " + n.name()
          + " is already open");
    };
  }

  /**
   * The errno name an exception stands for in {@code expect error}: its errno's name, or
   * {@code ETIMEDOUT} for a socket timeout (TimeoutError without an errno).
   */
  static Optional<String> errnoName(ExceptionValue e) {
    if (e.errno() instanceof Value.Int number && number.value().bitLength() < 31) {
      int n = number.value().intValue();
      return Optional.of(n < 0 ? eaiName(n) : Errno.of(n).name());
    }
    if (e.type().isSubclassOf(TIMEOUT_ERROR)) {
      return Optional.of("ETIMEDOUT");
    }
    return Optional.empty();
  }
}
