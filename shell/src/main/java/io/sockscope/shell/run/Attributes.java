package io.sockscope.shell.run;

import java.util.Optional;

/** Attribute lookup ({@code obj.name}): module members, methods, exception attributes. */
final class Attributes {

  private Attributes() {}

  static Value get(Value object, String name) {
    if (name.equals("__class__")) {
      return BuiltinTypes.typeOf(object);
    }
    Optional<Value> found = switch (object) {
      case Value.Module m -> Optional.ofNullable(m.members().get(name));
      case Value.Type t -> switch (name) {
        case "__name__", "__qualname__" -> Optional.of(new Value.Str(t.name()));
        case "__module__" -> Optional.of(new Value.Str(t.module()));
        default -> Optional.ofNullable(t.attributes().get(name));
      };
      case SocketValue s -> SocketMethods.attribute(s, name);
      case ExceptionValue e -> exceptionAttribute(e, name);
      case Value.Instance i -> Optional.ofNullable(i.attributes().get(name));
      case Value.Str s -> StrMethods.bind(s, name);
      case Value.Bytes b -> BytesMethods.bind(b, name);
      case Value.ByteArray b -> BytesMethods.bind(b, name);
      case Value.PyList l -> ListMethods.bind(l, name);
      case Value.Dict d -> ListMethods.bind(d, name);
      case Value.Tuple t -> ListMethods.bind(t, name);
      case Value.Int i -> IntMethods.bind(i, name);
      case Value.Bool b -> IntMethods.bind(new Value.Int(Ops.intOf(b)), name);
      case Value.EnumInt e -> e.memberName().equals(name) ? Optional.empty()
          : name.equals("name") ? Optional.of(new Value.Str(e.memberName()))
          : name.equals("value") ? Optional.of(Value.Int.of(e.value()))
          : IntMethods.bind(Value.Int.of(e.value()), name);
      case Value.Float f -> name.equals("is_integer")
          ? Optional.of(new Value.Method(f, name, args -> {
              args.noKeywords().expect(0, 0);
              return Value.Bool.of(Double.isFinite(f.value()) && f.value() == Math.rint(f.value()));
            }))
          : Optional.empty();
      default -> Optional.empty();
    };
    return found.orElseThrow(() -> object instanceof Value.Type t
        ? PythonError.of(Exceptions.ATTRIBUTE_ERROR,
            "type object '" + t.name() + "' has no attribute '" + name + "'")
        : Assigner.noAttribute(object, name));
  }

  private static Optional<Value> exceptionAttribute(ExceptionValue e, String name) {
    return switch (name) {
      case "args" -> Optional.of(new Value.Tuple(e.args()));
      case "errno" -> e.type().isSubclassOf(Exceptions.OS_ERROR) ? Optional.of(e.errno())
          : Optional.empty();
      case "strerror" -> e.type().isSubclassOf(Exceptions.OS_ERROR) ? Optional.of(e.strerror())
          : Optional.empty();
      case "code" -> e.type() == Exceptions.SYSTEM_EXIT
          ? Optional.of(e.args().isEmpty() ? Value.None.NONE
              : e.args().size() == 1 ? e.args().getFirst() : new Value.Tuple(e.args()))
          : Optional.empty();
      default -> Optional.empty();
    };
  }
}
