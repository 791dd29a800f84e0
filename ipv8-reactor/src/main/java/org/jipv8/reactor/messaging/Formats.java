package org.jipv8.reactor.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Every format py-ipv8 3.1 registers by default, by name (spec wire-protocol 2.2). */
final class Formats {
  private static final Map<String, FieldCodec> BY_NAME = new LinkedHashMap<>();

  static {
    FieldCodec b = new IntegerFormat("B", 1, false);
    FieldCodec h = new IntegerFormat("H", 2, false);
    FieldCodec i = new IntegerFormat("I", 4, false);
    FieldCodec l = new IntegerFormat("l", 4, true);
    FieldCodec q = new IntegerFormat("q", 8, true);
    FieldCodec uq = new IntegerFormat("Q", 8, false);
    FieldCodec c = new ScalarFormat("c");
    add(new ScalarFormat("?"));
    add(b);
    add(h);
    add(i);
    add(l);
    add(q);
    add(uq);
    add(c);
    add(new ScalarFormat("f"));
    add(new ScalarFormat("d"));
    add(TupleFormat.of("BBH", b, b, h));
    add(TupleFormat.of("BH", b, h));
    add(TupleFormat.of("HH", h, h));
    add(TupleFormat.of("LL", i, i));
    add(TupleFormat.of("QH", uq, h));
    add(TupleFormat.of("QL", uq, i));
    add(TupleFormat.of("QQHHBH", uq, uq, h, h, b, h));
    add(TupleFormat.of("ccB", c, c, b));
    add(TupleFormat.of("4SH", new FixedBytesFormat("4s", 4), h));
    add(new FixedBytesFormat("20s", 20));
    add(new FixedBytesFormat("32s", 32));
    add(new FixedBytesFormat("64s", 64));
    add(new FixedBytesFormat("74s", 74));
    add(new FixedBytesFormat("c20s", 21));
    add(new BitsFormat());
    add(new AddressFormat("ipv4"));
    add(new AddressFormat("ip_address"));
    add(new AddressFormat("address"));
    add(VarLenFormat.raw());
    add(new VarLenFormat("varlenBx2", 1, 2, false));
    FieldCodec varlenH = new VarLenFormat("varlenH", 2, 1, false);
    add(varlenH);
    add(new VarLenFormat("doublevarlenH", 2, 1, false));
    add(new VarLenFormat("varlenHutf8", 2, 1, true));
    add(new VarLenFormat("varlenIutf8", 4, 1, true));
    add(new VarLenFormat("varlenHx20", 2, 20, false));
    add(new VarLenFormat("varlenI", 4, 1, false));
    add(new ListFormat("varlenH-list", varlenH));
    add(new ArrayFormat("arrayH-?", '?'));
    add(new ArrayFormat("arrayH-q", 'q'));
    add(new ArrayFormat("arrayH-d", 'd'));
  }

  private Formats() {}

  private static void add(FieldCodec codec) {
    BY_NAME.put(codec.name(), codec);
  }

  /**
   * The codec for a format name, or null ({@code payload} and {@code payload-list} need a type).
   */
  static FieldCodec get(String name) {
    return BY_NAME.get(name);
  }

  /** All simple format names. */
  static Set<String> names() {
    return BY_NAME.keySet();
  }
}
