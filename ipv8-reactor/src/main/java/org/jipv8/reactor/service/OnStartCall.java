package org.jipv8.reactor.service;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import org.jipv8.api.community.Overlay;
import org.jipv8.api.config.ConfigurationException;
import reactor.core.publisher.Mono;

/**
 * One {@code on_start} entry of a configuration: a public method of the overlay called with the
 * given arguments when the node starts. A method returning a {@code Mono} is awaited.
 */
record OnStartCall(Overlay overlay, Method method, List<Object> args) implements StartAction {

  static OnStartCall resolve(Overlay overlay, List<Object> entry, String path) {
    if (entry.isEmpty() || !(entry.get(0) instanceof String name)) {
      throw new ConfigurationException(
          path,
          "an on_start entry must start with a method name",
          "write [\"methodName\", args...]");
    }
    List<Object> args = List.copyOf(entry.subList(1, entry.size()));
    for (Method m : overlay.getClass().getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == args.size()) {
        return new OnStartCall(overlay, m, args);
      }
    }
    throw new ConfigurationException(
        path,
        overlay.getClass().getSimpleName()
            + " has no public method '"
            + name
            + "' taking "
            + args.size()
            + " argument(s)",
        "name a public method of the overlay class");
  }

  @Override
  public Mono<Void> invoke() {
    return Mono.defer(
        () -> {
          Object result;
          try {
            result = method.invoke(overlay, args.toArray());
          } catch (InvocationTargetException e) {
            return Mono.error(e.getCause());
          } catch (IllegalAccessException | IllegalArgumentException e) {
            return Mono.error(
                new IllegalStateException(
                    "on_start " + method.getName() + args + " failed: " + e.getMessage(), e));
          }
          return result instanceof Mono<?> mono ? mono.then() : Mono.<Void>empty();
        });
  }
}
