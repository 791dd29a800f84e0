package org.jipv8.api.loader;

import java.math.BigInteger;
import java.util.regex.Pattern;

/** Reads the value text of {@link Kwarg} and {@link Kwargs}, as their documentation describes. */
final class Literals {
  private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
  private static final Pattern NUMBER =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

  private Literals() {}

  static Object parse(String text) {
    if (text.equals("true") || text.equals("false")) {
      return Boolean.valueOf(text);
    }
    if (text.equals("null")) {
      return null;
    }
    if (INTEGER.matcher(text).matches()) {
      BigInteger big = new BigInteger(text);
      if (big.bitLength() < 32) {
        return big.intValue();
      }
      if (big.bitLength() < 64) {
        return big.longValue();
      }
      return text;
    }
    if (NUMBER.matcher(text).matches()) {
      return Double.parseDouble(text);
    }
    if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
      return unquote(text);
    }
    return text;
  }

  /** The content of a JSON string literal; malformed escapes are kept as written. */
  private static String unquote(String quoted) {
    String body = quoted.substring(1, quoted.length() - 1);
    StringBuilder out = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\\' || i + 1 == body.length()) {
        out.append(c);
        continue;
      }
      char e = body.charAt(++i);
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'u' -> {
          if (i + 5 <= body.length() && body.substring(i + 1, i + 5).matches("[0-9a-fA-F]{4}")) {
            out.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
            i += 4;
          } else {
            out.append("\\u");
          }
        }
        default -> out.append(e);
      }
    }
    return out.toString();
  }
}
