package org.jipv8.api.messaging;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Chooses the wire format of one record component by its py-ipv8 format name.
 *
 * <p>Defaults by Java type (as py-ipv8 maps dataclass fields): {@code boolean} {@code ?}, {@code
 * long} {@code q}, {@code int} {@code l}, {@code double} {@code d}, {@code float} {@code f}, {@code
 * byte[]} {@code varlenH}, {@code String} {@code varlenHutf8}, {@code Address} {@code ip_address},
 * {@code Bits} {@code bits}, a nested {@code @}-less record {@code payload}, {@code List<Record>}
 * {@code payload-list}, {@code List<byte[]>} {@code varlenH-list}, {@code boolean[]} {@code
 * arrayH-?}, {@code long[]} {@code arrayH-q}, {@code double[]} {@code arrayH-d}.
 *
 * <p>Overrides: integers accept {@code B H I Q l q}; {@code byte[]} accepts {@code raw varlenH
 * varlenI varlenBx2 varlenHx20 doublevarlenH 20s 32s 64s 74s c}; {@code String} accepts {@code
 * varlenH varlenHutf8 varlenIutf8}; {@code Address} accepts {@code ipv4 ip_address address}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER})
public @interface Format {
  /**
   * The py-ipv8 format name, e.g. {@code "H"}, {@code "Q"}, {@code "varlenHx20"}, {@code "raw"}.
   */
  String value();
}
