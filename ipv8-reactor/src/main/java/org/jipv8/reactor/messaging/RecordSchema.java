package org.jipv8.reactor.messaging;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jipv8.api.address.Address;
import org.jipv8.api.messaging.Bits;
import org.jipv8.api.messaging.Format;
import org.jipv8.api.messaging.Message;

/**
 * How one record type maps to bytes: its components in declaration order, each with a wire format
 * chosen by Java type or {@link Format}. Computed once per type by reflection and cached, so
 * encoding and decoding do no per-packet lookups.
 *
 * @param <T> the record type
 */
final class RecordSchema<T extends Record> {
  private static final ClassValue<RecordSchema<?>> CACHE =
      new ClassValue<>() {
        @Override
        protected RecordSchema<?> computeValue(Class<?> type) {
          return build(type.asSubclass(Record.class));
        }
      };

  private static final Set<String> INT_FORMATS = Set.of("B", "H", "I", "l");
  private static final Set<String> LONG_FORMATS = Set.of("B", "H", "I", "l", "q", "Q");
  private static final Set<String> BYTES_FORMATS =
      Set.of(
          "raw",
          "varlenH",
          "varlenI",
          "varlenBx2",
          "varlenHx20",
          "doublevarlenH",
          "20s",
          "32s",
          "64s",
          "74s",
          "c20s",
          "c");
  private static final Set<String> STRING_FORMATS =
      Set.of("varlenH", "varlenHutf8", "varlenIutf8", "doublevarlenH", "varlenI", "raw");
  private static final Set<String> ADDRESS_FORMATS = Set.of("ipv4", "ip_address", "address");
  private static final Set<String> TUPLE_FORMATS =
      Set.of("BBH", "BH", "HH", "LL", "QH", "QL", "QQHHBH", "ccB", "4SH");

  // How a decoded wire value becomes the component's Java value (chosen once per field).
  private static final int AS_IS = 0;
  private static final int TO_INT = 1;
  private static final int TO_STRING = 2;
  private static final int TO_FLOAT = 3;
  private static final int TO_DOUBLE = 4;

  private record Field(
      String name, FieldCodec codec, Class<?> javaType, Method accessor, int conversion) {}

  private final Class<T> type;
  private final Message message;
  // The annotation's values, read once: calls on an annotation instance go through a reflective
  // proxy, far too slow for every packet.
  private final int messageId;
  private final boolean signed;
  private final boolean globalTime;
  private final Field[] fields;
  private final Constructor<T> constructor;

  private RecordSchema(
      Class<T> type, Message message, List<Field> fields, Constructor<T> constructor) {
    this.type = type;
    this.message = message;
    this.messageId = message == null ? -1 : message.id();
    this.signed = message != null && message.signed();
    this.globalTime = message != null && message.globalTime();
    this.fields = fields.toArray(new Field[0]);
    this.constructor = constructor;
  }

  /** The cached schema of {@code type}. */
  @SuppressWarnings("unchecked") // ClassValue keeps one schema per class, built for that class.
  static <T extends Record> RecordSchema<T> of(Class<T> type) {
    try {
      return (RecordSchema<T>) CACHE.get(type);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  Class<T> type() {
    return type;
  }

  /** The {@code @Message} annotation, or null for nested payload records. */
  Message message() {
    return message;
  }

  /** {@code @Message.id()}, or -1 without the annotation. */
  int messageId() {
    return messageId;
  }

  /** {@code @Message.signed()}; false without the annotation. */
  boolean signed() {
    return signed;
  }

  /** {@code @Message.globalTime()}; false without the annotation. */
  boolean globalTime() {
    return globalTime;
  }

  void encodeFields(WireWriter w, Record value) {
    for (Field f : fields) {
      Object v;
      try {
        v = f.accessor.invoke(value);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + type.getSimpleName() + "." + f.name, e);
      }
      if (v == null) {
        throw new IllegalArgumentException(
            type.getSimpleName() + "." + f.name + " is null; every field must have a value");
      }
      f.codec.encode(w, toWire(f, v), f.name);
    }
  }

  T decodeFields(WireReader r) {
    Field[] fs = fields;
    Object[] args = new Object[fs.length];
    for (int i = 0; i < fs.length; i++) {
      Field f = fs[i];
      int at = r.offset();
      Object wire = f.codec.decode(r, f.name);
      args[i] = f.conversion == AS_IS ? wire : fromWire(f, wire, r, at);
    }
    try {
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      throw r.malformed(
          type.getSimpleName(),
          r.offset(),
          "record rejected its values: " + e.getCause().getMessage());
    } catch (InstantiationException | IllegalAccessException e) {
      throw new IllegalStateException("cannot create " + type.getName(), e);
    }
  }

  private static Object toWire(Field f, Object v) {
    if (v instanceof Integer i && f.codec.name().equals("I")) {
      // An int holds a u32 identifier; values of 2^31 and above are negative in Java.
      return Integer.toUnsignedLong(i);
    }
    if (v instanceof String s && !(f.codec instanceof VarLenFormat vf && vf.text())) {
      return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    return v;
  }

  private static Object fromWire(Field f, Object wire, WireReader r, int at) {
    return switch (f.conversion) {
      case TO_INT -> (int) (long) (Long) wire;
      case TO_STRING -> wire instanceof byte[] b ? Utf8.decode(b, r, f.name, at) : wire;
      case TO_FLOAT -> ((Number) wire).floatValue();
      case TO_DOUBLE -> ((Number) wire).doubleValue();
      default -> wire;
    };
  }

  private static int conversion(Class<?> t) {
    if (t == int.class || t == Integer.class) {
      return TO_INT;
    }
    if (t == String.class) {
      return TO_STRING;
    }
    if (t == float.class || t == Float.class) {
      return TO_FLOAT;
    }
    if (t == double.class || t == Double.class) {
      return TO_DOUBLE;
    }
    return AS_IS;
  }

  private static <T extends Record> RecordSchema<T> build(Class<T> type) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException(type.getName() + " is not a record");
    }
    RecordComponent[] comps = type.getRecordComponents();
    List<Field> fields = new ArrayList<>();
    Class<?>[] ctorTypes = new Class<?>[comps.length];
    for (int i = 0; i < comps.length; i++) {
      RecordComponent c = comps[i];
      ctorTypes[i] = c.getType();
      FieldCodec codec = codecFor(type, c);
      if (codec.consumesRest() && i != comps.length - 1) {
        throw new IllegalArgumentException(
            type.getSimpleName()
                + "."
                + c.getName()
                + ": format 'raw' takes the rest of the packet and must be the last field");
      }
      Method accessor = c.getAccessor();
      accessor.setAccessible(true);
      fields.add(new Field(c.getName(), codec, c.getType(), accessor, conversion(c.getType())));
    }
    Constructor<T> ctor;
    try {
      ctor = type.getDeclaredConstructor(ctorTypes);
      ctor.setAccessible(true);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(type.getName() + " has no canonical constructor", e);
    }
    return new RecordSchema<>(type, type.getAnnotation(Message.class), List.copyOf(fields), ctor);
  }

  private static FieldCodec codecFor(Class<?> owner, RecordComponent c) {
    Class<?> t = c.getType();
    Format override = c.getAnnotation(Format.class);
    String where = owner.getSimpleName() + "." + c.getName();
    if (override != null) {
      String name = override.value();
      Set<String> accepted = acceptedFormats(t, c.getGenericType());
      if (name.equals("payload") && Record.class.isAssignableFrom(t)) {
        return new NestedFormat(of(t.asSubclass(Record.class)));
      }
      if (name.equals("payload-list")) {
        return defaultCodec(where, t, c.getGenericType());
      }
      if (name.equals("node-list")
          && listElement(c.getGenericType()) instanceof Class<?> ec
          && Record.class.isAssignableFrom(ec)) {
        // u8 count, then each record's fields inline (py-ipv8's DHT ListOf(NodePacker)).
        return new ListFormat(name, new InlineFormat(of(ec.asSubclass(Record.class))));
      }
      if (accepted.contains(name) && Formats.get(name) != null) {
        return Formats.get(name);
      }
      throw new IllegalArgumentException(
          where
              + ": format '"
              + name
              + "' does not fit type "
              + t.getSimpleName()
              + "; accepted: "
              + (accepted.isEmpty()
                  ? "(none; use a default type)"
                  : new java.util.TreeSet<>(accepted)));
    }
    return defaultCodec(where, t, c.getGenericType());
  }

  private static Set<String> acceptedFormats(Class<?> t, Type generic) {
    if (t == int.class || t == Integer.class) {
      return INT_FORMATS;
    }
    if (t == long.class || t == Long.class) {
      return LONG_FORMATS;
    }
    if (t == boolean.class || t == Boolean.class) {
      return Set.of("?");
    }
    if (t == double.class || t == Double.class || t == float.class || t == Float.class) {
      return Set.of("f", "d");
    }
    if (t == byte[].class) {
      return BYTES_FORMATS;
    }
    if (t == String.class) {
      return STRING_FORMATS;
    }
    if (t == Address.class) {
      return ADDRESS_FORMATS;
    }
    if (t == Bits.class) {
      return Set.of("bits");
    }
    if (t == List.class && listElement(generic) == Object.class) {
      return TUPLE_FORMATS;
    }
    if (t == boolean[].class) {
      return Set.of("arrayH-?");
    }
    if (t == long[].class) {
      return Set.of("arrayH-q");
    }
    if (t == double[].class) {
      return Set.of("arrayH-d");
    }
    return Set.of();
  }

  private static final Map<Class<?>, String> DEFAULTS =
      Map.ofEntries(
          Map.entry(boolean.class, "?"),
          Map.entry(Boolean.class, "?"),
          Map.entry(long.class, "q"),
          Map.entry(Long.class, "q"),
          Map.entry(int.class, "l"),
          Map.entry(Integer.class, "l"),
          Map.entry(double.class, "d"),
          Map.entry(Double.class, "d"),
          Map.entry(float.class, "f"),
          Map.entry(Float.class, "f"),
          Map.entry(byte[].class, "varlenH"),
          Map.entry(String.class, "varlenHutf8"),
          Map.entry(Address.class, "ip_address"),
          Map.entry(Bits.class, "bits"),
          Map.entry(boolean[].class, "arrayH-?"),
          Map.entry(long[].class, "arrayH-q"),
          Map.entry(double[].class, "arrayH-d"));

  private static FieldCodec defaultCodec(String where, Class<?> t, Type generic) {
    String name = DEFAULTS.get(t);
    if (name != null) {
      return Formats.get(name);
    }
    if (Record.class.isAssignableFrom(t)) {
      return new NestedFormat(of(t.asSubclass(Record.class)));
    }
    if (t == List.class) {
      Type element = listElement(generic);
      if (element == byte[].class) {
        return Formats.get("varlenH-list");
      }
      if (element instanceof Class<?> ec && Record.class.isAssignableFrom(ec)) {
        return new ListFormat("payload-list", new NestedFormat(of(ec.asSubclass(Record.class))));
      }
    }
    throw new IllegalArgumentException(
        where
            + ": no wire format for type "
            + generic.getTypeName()
            + "; use boolean, long, int, double, float, byte[], String, Address, Bits, a record,"
            + " List<record>, List<byte[]>, boolean[], long[], double[] or annotate with @Format");
  }

  private static Type listElement(Type generic) {
    if (generic instanceof ParameterizedType p && p.getActualTypeArguments().length == 1) {
      Type a = p.getActualTypeArguments()[0];
      return a instanceof java.lang.reflect.WildcardType ? Object.class : a;
    }
    return Object.class;
  }
}
