package io.sockscope.shell.run;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Subscription: {@code x[i]}, {@code x[a:b:c]}, item assignment and deletion, with Python's
 * negative indices, slice clamping and messages ({@code list index out of range}).
 */
final class Items {

  private Items() {}

  /** The indices a slice selects from a sequence of {@code length}: start, stop, step, count. */
  record Bounds(int start, int stop, int step, int count) {}

  static Bounds bounds(Optional<Value> lower, Optional<Value> upper, Optional<Value> stepValue,
      int length) {
    int step = stepValue.filter(v -> !(v instanceof Value.None)).map(Items::sliceIndex)
        .orElse(1);
    if (step == 0) {
      throw PythonError.of(Exceptions.VALUE_ERROR, "slice step cannot be zero");
    }
    int defaultStart = step > 0 ? 0 : length - 1;
    int defaultStop = step > 0 ? length : -1;
    int start = lower.filter(v -> !(v instanceof Value.None))
        .map(v -> clamp(sliceIndex(v), length, step)).orElse(defaultStart);
    int stop = upper.filter(v -> !(v instanceof Value.None))
        .map(v -> clamp(sliceIndex(v), length, step)).orElse(defaultStop);
    int count;
    if (step > 0) {
      count = stop > start ? (stop - start + step - 1) / step : 0;
    } else {
      count = start > stop ? (start - stop - step - 1) / -step : 0;
    }
    return new Bounds(start, stop, step, count);
  }

  private static int sliceIndex(Value v) {
    if (!Ops.isInt(v)) {
      throw PythonError.of(Exceptions.TYPE_ERROR,
          "slice indices must be integers or None or have an __index__ method");
    }
    BigInteger i = Ops.intOf(v);
    if (i.bitLength() > 31) {
      return i.signum() < 0 ? Integer.MIN_VALUE / 2 : Integer.MAX_VALUE / 2;
    }
    return i.intValue();
  }

  private static int clamp(int index, int length, int step) {
    if (index < 0) {
      index += length;
      if (index < 0) {
        return step < 0 ? -1 : 0;
      }
    } else if (index >= length) {
      return step < 0 ? length - 1 : length;
    }
    return index;
  }

  static Value slice(Value container, Optional<Value> lower, Optional<Value> upper,
      Optional<Value> step) {
    return switch (container) {
      case Value.Str s -> {
        int[] cps = s.value().codePoints().toArray();
        Bounds b = bounds(lower, upper, step, cps.length);
        StringBuilder out = new StringBuilder();
        for (int k = 0, i = b.start(); k < b.count(); k++, i += b.step()) {
          out.appendCodePoint(cps[i]);
        }
        yield new Value.Str(out.toString());
      }
      case Value.Bytes x -> Value.Bytes.adopt(sliceBytes(x.shared(), lower, upper, step));
      case Value.ByteArray x -> new Value.ByteArray(sliceBytes(x.toBytes(), lower, upper, step));
      case Value.Tuple t -> new Value.Tuple(sliceList(t.items(), lower, upper, step));
      case Value.PyList l -> new Value.PyList(sliceList(l.items(), lower, upper, step));
      case Value.Range r -> {
        Bounds b = bounds(lower, upper, step, (int) Ops.len(r));
        BigInteger start = r.start().add(r.step().multiply(BigInteger.valueOf(b.start())));
        BigInteger newStep = r.step().multiply(BigInteger.valueOf(b.step()));
        yield new Value.Range(start, start.add(newStep.multiply(BigInteger.valueOf(b.count()))),
            newStep);
      }
      default -> throw notSubscriptable(container);
    };
  }

  private static byte[] sliceBytes(byte[] data, Optional<Value> lower, Optional<Value> upper,
      Optional<Value> step) {
    Bounds b = bounds(lower, upper, step, data.length);
    byte[] out = new byte[b.count()];
    for (int k = 0, i = b.start(); k < b.count(); k++, i += b.step()) {
      out[k] = data[i];
    }
    return out;
  }

  private static List<Value> sliceList(List<Value> items, Optional<Value> lower,
      Optional<Value> upper, Optional<Value> step) {
    Bounds b = bounds(lower, upper, step, items.size());
    List<Value> out = new ArrayList<>(b.count());
    for (int k = 0, i = b.start(); k < b.count(); k++, i += b.step()) {
      out.add(items.get(i));
    }
    return out;
  }

  static Value get(Value container, Value index) {
    return switch (container) {
      case Value.Dict d -> {
        Value v = d.entries().get(HashKey.of(index));
        if (v == null) {
          throw keyError(index);
        }
        yield v;
      }
      case Value.Str s -> {
        if (!Ops.isInt(index)) {
          throw PythonError.of(Exceptions.TYPE_ERROR,
              "string indices must be integers, not '" + Ops.typeName(index) + "'");
        }
        int[] cps = s.value().codePoints().toArray();
        yield new Value.Str(Character.toString(cps[position(index, cps.length, "string")]));
      }
      case Value.Bytes b -> Value.Int.of(b.shared()[position(bytesIndex(index, "byte"),
          b.shared().length, null)] & 0xff);
      case Value.ByteArray b -> {
        byte[] data = b.toBytes();
        yield Value.Int.of(data[position(bytesIndex(index, "bytearray"), data.length,
            "bytearray")] & 0xff);
      }
      case Value.Tuple t -> t.items().get(position(sequenceIndex(index, "tuple"),
          t.items().size(), "tuple"));
      case Value.PyList l -> l.items().get(position(sequenceIndex(index, "list"),
          l.items().size(), "list"));
      case Value.Range r -> {
        int i = position(sequenceIndex(index, "range"), (int) Ops.len(r), "range object");
        yield new Value.Int(r.start().add(r.step().multiply(BigInteger.valueOf(i))));
      }
      case Value.Type t -> throw PythonError.of(Exceptions.TYPE_ERROR,
          "type '" + t.name() + "' is not subscriptable");
      default -> throw notSubscriptable(container);
    };
  }

  private static Value sequenceIndex(Value index, String kind) {
    if (!Ops.isInt(index)) {
      throw PythonError.of(Exceptions.TYPE_ERROR, kind
          + " indices must be integers or slices, not " + Ops.typeName(index));
    }
    return index;
  }

  private static Value bytesIndex(Value index, String kind) {
    if (!Ops.isInt(index)) {
      throw PythonError.of(Exceptions.TYPE_ERROR, kind
          + " indices must be integers or slices, not " + Ops.typeName(index));
    }
    return index;
  }

  /** A valid position for {@code index}, or IndexError ("{kind} index out of range"). */
  private static int position(Value index, int length, String kind) {
    BigInteger i = Ops.intOf(index);
    if (i.signum() < 0) {
      i = i.add(BigInteger.valueOf(length));
    }
    if (i.signum() < 0 || i.compareTo(BigInteger.valueOf(length)) >= 0) {
      throw PythonError.of(Exceptions.INDEX_ERROR,
          (kind == null ? "index" : kind + " index") + " out of range");
    }
    return i.intValue();
  }

  static PythonError keyError(Value key) {
    return new PythonError(new ExceptionValue(Exceptions.KEY_ERROR, List.of(key),
        Optional.empty(), Optional.empty()));
  }

  private static PythonError notSubscriptable(Value v) {
    return PythonError.of(Exceptions.TYPE_ERROR,
        "'" + Ops.typeName(v) + "' object is not subscriptable");
  }

  static void set(Value container, Value index, Value value) {
    switch (container) {
      case Value.Dict d -> d.entries().put(HashKey.of(index), value);
      case Value.PyList l -> {
        synchronized (l) {
          int i = assignPosition(sequenceIndex(index, "list"), l.items().size(), "list");
          l.items().set(i, value);
        }
      }
      case Value.ByteArray b -> {
        byte[] data = b.toBytes();
        int i = assignPosition(bytesIndex(index, "bytearray"), data.length, "bytearray");
        data[i] = byteValue(value);
        b.replace(data);
      }
      default -> throw PythonError.of(Exceptions.TYPE_ERROR,
          "'" + Ops.typeName(container) + "' object does not support item assignment");
    }
  }

  private static int assignPosition(Value index, int length, String kind) {
    BigInteger i = Ops.intOf(index);
    if (i.signum() < 0) {
      i = i.add(BigInteger.valueOf(length));
    }
    if (i.signum() < 0 || i.compareTo(BigInteger.valueOf(length)) >= 0) {
      throw PythonError.of(Exceptions.INDEX_ERROR, kind + " assignment index out of range");
    }
    return i.intValue();
  }

  static byte byteValue(Value v) {
    BigInteger b = Ops.index(v);
    if (b.signum() < 0 || b.compareTo(BigInteger.valueOf(255)) > 0) {
      throw PythonError.of(Exceptions.VALUE_ERROR, "byte must be in range(0, 256)");
    }
    return (byte) b.intValue();
  }

  static void setSlice(Value container, Optional<Value> lower, Optional<Value> upper,
      Optional<Value> step, Value value) {
    if (!(container instanceof Value.PyList l)) {
      throw PythonError.of(Exceptions.TYPE_ERROR,
          "'" + Ops.typeName(container) + "' object does not support item assignment");
    }
    List<Value> replacement = new ArrayList<>(Ops.toList(value));
    synchronized (l) {
      Bounds b = bounds(lower, upper, step, l.items().size());
      if (b.step() == 1) {
        int stop = Math.max(b.start(), b.stop());
        l.items().subList(b.start(), stop).clear();
        l.items().addAll(b.start(), replacement);
        return;
      }
      if (replacement.size() != b.count()) {
        throw PythonError.of(Exceptions.VALUE_ERROR, "attempt to assign sequence of size "
            + replacement.size() + " to extended slice of size " + b.count());
      }
      for (int k = 0, i = b.start(); k < b.count(); k++, i += b.step()) {
        l.items().set(i, replacement.get(k));
      }
    }
  }

  static void delete(Value container, Value index) {
    switch (container) {
      case Value.Dict d -> {
        if (d.entries().remove(HashKey.of(index)) == null) {
          throw keyError(index);
        }
      }
      case Value.PyList l -> {
        synchronized (l) {
          l.items().remove(assignPosition(sequenceIndex(index, "list"), l.items().size(), "list"));
        }
      }
      default -> throw PythonError.of(Exceptions.TYPE_ERROR,
          "'" + Ops.typeName(container) + "' object doesn't support item deletion");
    }
  }

  static void deleteSlice(Value container, Optional<Value> lower, Optional<Value> upper,
      Optional<Value> step) {
    if (!(container instanceof Value.PyList l)) {
      throw PythonError.of(Exceptions.TYPE_ERROR,
          "'" + Ops.typeName(container) + "' object doesn't support item deletion");
    }
    synchronized (l) {
      Bounds b = bounds(lower, upper, step, l.items().size());
      List<Integer> doomed = new ArrayList<>();
      for (int k = 0, i = b.start(); k < b.count(); k++, i += b.step()) {
        doomed.add(i);
      }
      doomed.sort(java.util.Comparator.reverseOrder());
      doomed.forEach(i -> l.items().remove((int) i));
    }
  }
}
