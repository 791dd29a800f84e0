package org.jipv8.api.loader;

/**
 * A launcher class whose annotations cannot be used: both or neither of two exclusive elements, a
 * class name that does not resolve or names the wrong kind of class, a missing {@code initMethod},
 * a condition class without a public no-argument constructor. The message names the launcher class,
 * the annotation and the fix. Thrown when the launcher is constructed, or for the lazy
 * {@code @Overlay(className = ...)} when the overlay class is asked for.
 */
public class LauncherDefinitionException extends IllegalStateException {

  /** Creates the exception; {@code cause} may be null. */
  public LauncherDefinitionException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Creates the exception. */
  public LauncherDefinitionException(String message) {
    super(message);
  }
}
