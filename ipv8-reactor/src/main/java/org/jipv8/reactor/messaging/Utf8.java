package org.jipv8.reactor.messaging;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding: malformed input is a decoding error, never replaced silently. */
final class Utf8 {
  private Utf8() {}

  static String decode(byte[] bytes, WireReader r, String field, int at) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw r.malformed(field, at, "invalid UTF-8");
    }
  }
}
