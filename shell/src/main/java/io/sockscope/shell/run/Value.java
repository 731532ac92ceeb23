package io.sockscope.shell.run;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Python value of the interpreter. Immutable Python types are records compared by content, as
 * Python compares them; mutable ones ({@link PyList}, {@link Dict}, {@link PySet}, {@link
 * ByteArray}) and everything with identity (types, functions, sockets, exceptions) are classes
 * compared by identity. {@link Ops} gives them Python's equality, and {@link HashKey} Python's
 * hashing.
 *
 * <p>Only what socket scripts use exists: the numeric tower stops at int (arbitrary precision)
 * and float, and there are no user-defined classes or functions (the parser rejects them).
 */
public sealed interface Value
    permits Value.None,
        Value.Bool,
        Value.Int,
        Value.EnumInt,
        Value.Float,
        Value.Str,
        Value.Bytes,
        Value.ByteArray,
        Value.Tuple,
        Value.PyList,
        Value.Dict,
        Value.PySet,
        Value.Range,
        Value.Ellipsis,
        Value.Module,
        Value.Function,
        Value.Method,
        Value.Type,
        Value.Iter,
        Value.Instance,
        SocketValue,
        ExceptionValue {

  /** {@code None}. */
  enum None implements Value {
    NONE
  }

  /** {@code Ellipsis}, the value of {@code ...}. */
  enum Ellipsis implements Value {
    ELLIPSIS
  }

  /** {@code True} and {@code False}; Python's bool is an int (True + 1 == 2). */
  record Bool(boolean value) implements Value {
    public static final Bool TRUE = new Bool(true);
    public static final Bool FALSE = new Bool(false);

    public static Bool of(boolean value) {
      return value ? TRUE : FALSE;
    }
  }

  /** An int of any size. */
  record Int(BigInteger value) implements Value {
    public static final Int ZERO = new Int(BigInteger.ZERO);

    public static Int of(long value) {
      return new Int(BigInteger.valueOf(value));
    }
  }

  /**
   * A member of an IntEnum such as {@code socket.AF_INET}: an int everywhere, but its repr is
   * {@code <AddressFamily.AF_INET: 2>} (its str is {@code 2} since Python 3.11).
   */
  record EnumInt(String enumName, String memberName, int value) implements Value {}

  /** A float (an IEEE double, as CPython's). */
  record Float(double value) implements Value {}

  /** A str. */
  record Str(String value) implements Value {}

  /** An immutable bytes object. */
  record Bytes(byte[] value) implements Value {
    public Bytes {
      value = value.clone();
    }

    @Override
    public byte[] value() {
      return value.clone();
    }

    /** The bytes without a copy; callers must not change them. */
    byte[] shared() {
      return value;
    }

    /** Wraps {@code bytes} the caller will not change any more, without a copy. */
    static Bytes adopt(byte[] bytes) {
      return new Bytes(bytes);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Bytes b && Arrays.equals(value, b.value);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
      return "Bytes[" + Repr.repr(this) + "]";
    }
  }

  /** A mutable bytearray. */
  final class ByteArray implements Value {
    private byte[] data;
    private int length;

    public ByteArray(byte[] initial) {
      data = initial.clone();
      length = initial.length;
    }

    public synchronized byte[] toBytes() {
      return Arrays.copyOf(data, length);
    }

    public synchronized int length() {
      return length;
    }

    public synchronized void append(byte[] more) {
      if (length + more.length > data.length) {
        data = Arrays.copyOf(data, Math.max(length + more.length, data.length * 2 + 16));
      }
      System.arraycopy(more, 0, data, length, more.length);
      length += more.length;
    }

    public synchronized void replace(byte[] content) {
      data = content.clone();
      length = content.length;
    }
  }

  /** A tuple. */
  record Tuple(List<Value> items) implements Value {
    public static final Tuple EMPTY = new Tuple(List.of());

    public Tuple {
      items = List.copyOf(items);
    }

    public static Tuple of(Value... items) {
      return new Tuple(List.of(items));
    }
  }

  /** A list; its items may be changed in place. */
  final class PyList implements Value {
    private final List<Value> items;

    public PyList(List<Value> items) {
      this.items = new ArrayList<>(items);
    }

    /** The live list of items; the interpreter changes it in place as Python does. */
    public List<Value> items() {
      return items;
    }
  }

  /** A dict: insertion-ordered, keyed by Python equality. */
  final class Dict implements Value {
    private final Map<HashKey, Value> entries = new LinkedHashMap<>();

    /** The live map; keys carry the original key values. */
    public Map<HashKey, Value> entries() {
      return entries;
    }
  }

  /** A set: insertion-ordered here (CPython's order follows hashes, which scripts rarely print). */
  final class PySet implements Value {
    private final Map<HashKey, Value> members = new LinkedHashMap<>();

    public Map<HashKey, Value> members() {
      return members;
    }
  }

  /** {@code range(start, stop, step)}. */
  record Range(BigInteger start, BigInteger stop, BigInteger step) implements Value {}

  /** A module such as {@code socket}: a name and its members. */
  record Module(String name, Map<String, Value> members) implements Value {
    public Module {
      members = Map.copyOf(members);
    }
  }

  /**
   * A built-in function ({@code len}, {@code socket.create_connection}). {@code qualifiedName}
   * is how its repr and its error messages name it.
   */
  record Function(String qualifiedName, Native body) implements Value {
    @Override
    public boolean equals(Object other) {
      return this == other;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }

  /** A built-in method bound to its object: {@code s.connect}, {@code b"x".decode}. */
  record Method(Value self, String name, Native body) implements Value {
    @Override
    public boolean equals(Object other) {
      return this == other;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }

  /**
   * A class: a built-in type ({@code int}, {@code bytes}, {@code socket.socket}) or an exception
   * class. Calling it constructs; {@code base} makes {@code isinstance} and {@code except}
   * follow Python's hierarchy.
   */
  final class Type implements Value {
    private final String name;
    private final String module;
    private final Optional<Type> base;
    private final Native constructor;
    private final Map<String, Value> attributes = new LinkedHashMap<>();

    public Type(String name, String module, Optional<Type> base, Native constructor) {
      this.name = name;
      this.module = module;
      this.base = base;
      this.constructor = constructor;
    }

    public String name() {
      return name;
    }

    /** {@code builtins} for built-in types, else the module that defines it. */
    public String module() {
      return module;
    }

    public Optional<Type> base() {
      return base;
    }

    Native constructor() {
      return constructor;
    }

    /** Class attributes such as {@code bytes.fromhex}. */
    Map<String, Value> attributes() {
      return attributes;
    }

    /** {@code socket.gaierror}, or just {@code TimeoutError} for a built-in. */
    public String qualifiedName() {
      return module.equals("builtins") ? name : module + "." + name;
    }

    /** True if this is {@code other} or derives from it. */
    public boolean isSubclassOf(Type other) {
      for (Optional<Type> t = Optional.of(this); t.isPresent(); t = t.get().base) {
        if (t.get() == other) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * An iterator ({@code enumerate(...)}, {@code iter(...)}): consumed as it is read. {@code
   * holds} is what it iterates over, which stays alive as long as the iterator does.
   */
  final class Iter implements Value {
    private final String typeName;
    private final java.util.Iterator<Value> source;
    private final Value holds;

    public Iter(String typeName, java.util.Iterator<Value> source, Value holds) {
      this.typeName = typeName;
      this.source = source;
      this.holds = holds;
    }

    public String typeName() {
      return typeName;
    }

    public Optional<Value> holds() {
      return Optional.ofNullable(holds);
    }

    public synchronized Optional<Value> next() {
      return source.hasNext() ? Optional.of(source.next()) : Optional.empty();
    }
  }

  /**
   * A built-in object with named attributes and a fixed repr, for the few that scripts touch
   * ({@code sys.stdout}).
   */
  record Instance(String typeName, String repr, Map<String, Value> attributes) implements Value {
    public Instance {
      attributes = Map.copyOf(attributes);
    }

    @Override
    public boolean equals(Object other) {
      return this == other;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }
}
