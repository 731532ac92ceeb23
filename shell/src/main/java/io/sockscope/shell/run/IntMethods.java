package io.sockscope.shell.run;

import java.math.BigInteger;
import java.util.Optional;

/** int's methods for protocol code: to_bytes, from_bytes (a class method), bit_length. */
final class IntMethods {

  private IntMethods() {}

  static Optional<Value> bind(Value.Int self, String name) {
    Native body = switch (name) {
      case "to_bytes" -> args -> toBytes(self.value(), args);
      case "bit_length" -> args -> {
        args.noKeywords().expect(0, 0);
        return Value.Int.of(self.value().abs().bitLength());
      };
      default -> null;
    };
    return Optional.ofNullable(body).map(b -> new Value.Method(self, name, b));
  }

  private static boolean bigEndian(Optional<Value> order) {
    String o = order.map(v -> Ops.strOf(v, "to_bytes() argument 'byteorder'")).orElse("big");
    return switch (o) {
      case "big" -> true;
      case "little" -> false;
      default -> throw PythonError.of(Exceptions.VALUE_ERROR,
          "byteorder must be either 'little' or 'big'");
    };
  }

  private static Value toBytes(BigInteger value, Args args) {
    args.expect(0, 2);
    int length = args.argument(0, "length").map(Ops::toIntExact).orElse(1);
    boolean big = bigEndian(args.argument(1, "byteorder"));
    boolean signed = args.keyword("signed").map(Ops::truthy).orElse(false);
    args.done();
    if (length < 0) {
      throw PythonError.of(Exceptions.VALUE_ERROR, "length argument must be non-negative");
    }
    if (!signed && value.signum() < 0) {
      throw PythonError.of(Exceptions.OVERFLOW_ERROR, "can't convert negative int to unsigned");
    }
    int bits = signed ? value.bitLength() + 1 : value.bitLength();
    if (bits > length * 8L) {
      throw PythonError.of(Exceptions.OVERFLOW_ERROR, "int too big to convert");
    }
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      byte b = value.shiftRight(8 * i).byteValue();
      out[big ? length - 1 - i : i] = b;
    }
    return Value.Bytes.adopt(out);
  }

  static Value fromBytes(Args args) {
    args.expect(1, 2);
    Value data = args.argument(0, "bytes").orElseThrow();
    boolean big = bigEndian(args.argument(1, "byteorder"));
    boolean signed = args.keyword("signed").map(Ops::truthy).orElse(false);
    args.done();
    byte[] bytes = Ops.isBytesLike(data) ? Ops.bytesLike(data)
        : ((Value.Bytes) BuiltinTypes.BYTES.constructor().call(new Args(args.frame(), "bytes",
            java.util.List.of(data), java.util.Map.of()))).value();
    byte[] ordered = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      ordered[i] = bytes[big ? i : bytes.length - 1 - i];
    }
    BigInteger v = ordered.length == 0 ? BigInteger.ZERO
        : signed ? new BigInteger(ordered) : new BigInteger(1, ordered);
    return new Value.Int(v);
  }
}
