package org.jipv8.api.loader;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jipv8.api.bootstrap.Bootstrapper;
import org.jipv8.api.discovery.DiscoveryStrategy;

/**
 * The annotations of one launcher class, read and checked once (per class, cached) so that a bad
 * annotation fails when the launcher is constructed rather than in the middle of a load.
 */
final class LauncherAnnotations {

  private static final ClassValue<LauncherAnnotations> CACHE =
      new ClassValue<>() {
        @Override
        protected LauncherAnnotations computeValue(Class<?> type) {
          return new LauncherAnnotations(type);
        }
      };

  /** Produces one keyword argument from the session. */
  interface KwargSource {
    String key();

    Object value(Session session);
  }

  final String name;
  final Overlay overlay;
  final Class<?> overlayDeclarer;
  final List<String> after;
  final List<Predicate<Session>> preconditions;
  final List<StrategyDefinition> strategies;
  final List<BootstrapperDefinition> bootstrappers;
  final List<String> sessionAttributes;
  final List<KwargSource> kwargs;

  static LauncherAnnotations of(Class<? extends CommunityLauncher> type) {
    return CACHE.get(type);
  }

  private LauncherAnnotations(Class<?> type) {
    // Superclasses first: their annotations were "applied" before the subclass's, as inherited
    // decorated methods are in py-ipv8.
    Deque<Class<?>> chain = new ArrayDeque<>();
    for (Class<?> c = type; c != null && c != CommunityLauncher.class; c = c.getSuperclass()) {
      chain.addFirst(c);
    }
    String foundName = null;
    Overlay foundOverlay = null;
    Class<?> foundOverlayDeclarer = null;
    List<String> afterNames = new ArrayList<>();
    List<Predicate<Session>> conditions = new ArrayList<>();
    List<StrategyDefinition> strategyList = new ArrayList<>();
    List<BootstrapperDefinition> bootstrapperList = new ArrayList<>();
    List<String> attributes = new ArrayList<>();
    List<KwargSource> kwargList = new ArrayList<>();
    for (Class<?> c : chain) {
      Name n = c.getDeclaredAnnotation(Name.class);
      if (n != null) {
        if (n.value().isEmpty()) {
          throw fail(c, "@Name", "the name is empty", "give a non-empty name");
        }
        foundName = n.value();
      }
      Overlay o = c.getDeclaredAnnotation(Overlay.class);
      if (o != null) {
        checkExclusive(
            c,
            "@Overlay",
            o.value() != org.jipv8.api.community.Overlay.class,
            !o.className().isEmpty(),
            "@Overlay(MyCommunity.class) or @Overlay(className = \"com.example.MyCommunity\")");
        foundOverlay = o;
        foundOverlayDeclarer = c;
      }
      for (After a : c.getDeclaredAnnotationsByType(After.class)) {
        afterNames.addAll(List.of(a.value()));
      }
      for (Precondition p : c.getDeclaredAnnotationsByType(Precondition.class)) {
        conditions.add(precondition(c, p));
      }
      for (WalkStrategy w : c.getDeclaredAnnotationsByType(WalkStrategy.class)) {
        strategyList.add(strategy(c, w));
      }
      for (BootstrapperSpec b : c.getDeclaredAnnotationsByType(BootstrapperSpec.class)) {
        bootstrapperList.add(bootstrapper(c, b));
      }
      for (SetInSession s : c.getDeclaredAnnotationsByType(SetInSession.class)) {
        if (s.value().isEmpty()) {
          throw fail(c, "@SetInSession", "the attribute name is empty", "give a name");
        }
        attributes.add(s.value());
      }
      for (Kwargs k : c.getDeclaredAnnotationsByType(Kwargs.class)) {
        kwargList.add(kwarg(c, k));
      }
    }
    name = foundName;
    overlay = foundOverlay;
    overlayDeclarer = foundOverlayDeclarer;
    after = List.copyOf(afterNames);
    preconditions = List.copyOf(conditions);
    strategies = List.copyOf(strategyList);
    bootstrappers = List.copyOf(bootstrapperList);
    sessionAttributes = List.copyOf(attributes);
    kwargs = List.copyOf(kwargList);
  }

  /** The overlay class named by {@code @Overlay}, resolved now for the lazy name form. */
  Class<? extends org.jipv8.api.community.Overlay> overlayClass() {
    if (overlay.value() != org.jipv8.api.community.Overlay.class) {
      return overlay.value();
    }
    return resolve(
        overlayDeclarer,
        "@Overlay",
        overlay.className(),
        org.jipv8.api.community.Overlay.class,
        "an org.jipv8.api.community.Overlay");
  }

  private static Predicate<Session> precondition(Class<?> c, Precondition p) {
    boolean byClass = p.value() != Precondition.None.class;
    boolean byAttribute = !p.sessionAttribute().isEmpty();
    checkExclusive(
        c,
        "@Precondition",
        byClass,
        byAttribute,
        "@Precondition(MyCondition.class) or @Precondition(sessionAttribute = \"flag\")");
    if (byAttribute) {
      String attribute = p.sessionAttribute();
      return session -> session.isTruthy(attribute);
    }
    @SuppressWarnings("unchecked") // the annotation element's bound guarantees Predicate<Session>
    Predicate<Session> condition = (Predicate<Session>) instantiate(c, "@Precondition", p.value());
    return condition;
  }

  private static KwargSource kwarg(Class<?> c, Kwargs k) {
    boolean byFunction = k.function() != Kwargs.None.class;
    boolean byAttribute = !k.sessionAttribute().isEmpty();
    if (k.key().isEmpty()) {
      throw fail(c, "@Kwargs", "the key is empty", "give the argument name");
    }
    if ((byFunction ? 1 : 0) + (byAttribute ? 1 : 0) + (k.value().isEmpty() ? 0 : 1) > 1) {
      throw fail(
          c,
          "@Kwargs(key = \"" + k.key() + "\")",
          "more than one of value, sessionAttribute and function is given",
          "give exactly one");
    }
    String key = k.key();
    if (byFunction) {
      @SuppressWarnings("unchecked") // the annotation element's bound guarantees the input type
      Function<Session, ?> function =
          (Function<Session, ?>) instantiate(c, "@Kwargs(key = \"" + key + "\")", k.function());
      return source(key, function);
    }
    if (byAttribute) {
      String attribute = k.sessionAttribute();
      return source(key, session -> session.get(attribute));
    }
    Object constant = Literals.parse(k.value());
    return source(key, session -> constant);
  }

  private static KwargSource source(String key, Function<Session, ?> function) {
    return new KwargSource() {
      @Override
      public String key() {
        return key;
      }

      @Override
      public Object value(Session session) {
        return function.apply(session);
      }
    };
  }

  private static StrategyDefinition strategy(Class<?> c, WalkStrategy w) {
    boolean byClass = w.value() != DiscoveryStrategy.class;
    boolean byName = !w.className().isEmpty();
    checkExclusive(
        c,
        "@WalkStrategy",
        byClass,
        byName,
        "@WalkStrategy(MyStrategy.class) or @WalkStrategy(className = \"com.example.MyStrategy\")");
    Class<? extends DiscoveryStrategy> type =
        byClass
            ? w.value()
            : resolve(
                c, "@WalkStrategy", w.className(), DiscoveryStrategy.class, "a DiscoveryStrategy");
    if (w.targetPeers() < -1) {
      throw fail(
          c,
          "@WalkStrategy(" + type.getSimpleName() + ")",
          "targetPeers is " + w.targetPeers(),
          "use -1 (always) or a peer count of 0 or more");
    }
    Map<String, Object> init = init(c, "@WalkStrategy", w.init(), w.initMethod());
    return new StrategyDefinition(type, init, w.targetPeers());
  }

  private static BootstrapperDefinition bootstrapper(Class<?> c, BootstrapperSpec b) {
    boolean byClass = b.value() != Bootstrapper.class;
    boolean byName = !b.className().isEmpty();
    checkExclusive(
        c,
        "@BootstrapperSpec",
        byClass,
        byName,
        "@BootstrapperSpec(MyBootstrapper.class) or @BootstrapperSpec(className ="
            + " \"com.example.MyBootstrapper\")");
    Class<? extends Bootstrapper> type =
        byClass
            ? b.value()
            : resolve(c, "@BootstrapperSpec", b.className(), Bootstrapper.class, "a Bootstrapper");
    return new BootstrapperDefinition(type, init(c, "@BootstrapperSpec", b.init(), b.initMethod()));
  }

  private static Map<String, Object> init(
      Class<?> c, String annotation, Kwarg[] constants, String initMethod) {
    Map<String, Object> init = new LinkedHashMap<>();
    for (Kwarg k : constants) {
      if (k.key().isEmpty()) {
        throw fail(c, annotation, "an init @Kwarg has an empty key", "give the argument name");
      }
      init.put(k.key(), Literals.parse(k.value()));
    }
    if (!initMethod.isEmpty()) {
      callInitMethod(c, annotation, initMethod).forEach((k, v) -> init.put((String) k, v));
    }
    return init;
  }

  private static Map<?, ?> callInitMethod(Class<?> c, String annotation, String methodName) {
    String fix =
        "declare 'static Map<String, Object> " + methodName + "()' on " + c.getSimpleName();
    Method m;
    try {
      m = c.getDeclaredMethod(methodName);
    } catch (NoSuchMethodException e) {
      throw fail(c, annotation, "initMethod '" + methodName + "' does not exist", fix);
    }
    if (!Modifier.isStatic(m.getModifiers()) || !Map.class.isAssignableFrom(m.getReturnType())) {
      throw fail(c, annotation, "initMethod '" + methodName + "' is not static or not a Map", fix);
    }
    try {
      m.setAccessible(true);
      Object result = m.invoke(null);
      if (result == null) {
        throw fail(c, annotation, "initMethod '" + methodName + "' returned null", fix);
      }
      Map<?, ?> map = (Map<?, ?>) result;
      for (Object key : map.keySet()) {
        if (!(key instanceof String)) {
          throw fail(c, annotation, "initMethod '" + methodName + "' returned key " + key, fix);
        }
      }
      return map;
    } catch (InvocationTargetException e) {
      throw new LauncherDefinitionException(
          prefix(c, annotation) + "initMethod '" + methodName + "' failed", e.getCause());
    } catch (IllegalAccessException | RuntimeException e) {
      if (e instanceof LauncherDefinitionException l) {
        throw l;
      }
      throw new LauncherDefinitionException(
          prefix(c, annotation) + "cannot call initMethod '" + methodName + "'", e);
    }
  }

  private static <T> Class<? extends T> resolve(
      Class<?> c, String annotation, String className, Class<T> expected, String expectedText) {
    Class<?> found;
    try {
      found = Class.forName(className, false, c.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new LauncherDefinitionException(
          prefix(c, annotation)
              + "class '"
              + className
              + "' is not on the class path; give the fully qualified name of "
              + expectedText,
          e);
    }
    if (!expected.isAssignableFrom(found)) {
      throw fail(
          c,
          annotation,
          "class '" + className + "' is not " + expectedText,
          "name a class that implements " + expected.getName());
    }
    return found.asSubclass(expected);
  }

  private static Object instantiate(Class<?> c, String annotation, Class<?> type) {
    try {
      Constructor<?> constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      return constructor.newInstance();
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new LauncherDefinitionException(
          prefix(c, annotation)
              + "cannot instantiate "
              + type.getName()
              + "; give it a no-argument constructor",
          e instanceof InvocationTargetException ? e.getCause() : e);
    }
  }

  private static void checkExclusive(
      Class<?> c, String annotation, boolean first, boolean second, String example) {
    if (first == second) {
      throw fail(
          c,
          annotation,
          first ? "both forms are given" : "neither form is given",
          "write " + example);
    }
  }

  static LauncherDefinitionException fail(
      Class<?> c, String annotation, String problem, String fix) {
    return new LauncherDefinitionException(prefix(c, annotation) + problem + "; " + fix);
  }

  private static String prefix(Class<?> c, String annotation) {
    return "Launcher " + c.getName() + ", " + annotation + ": ";
  }
}
