package com.directorline.platform.boundary;

import com.directorline.platform.entity.PlainText;
import com.directorline.problems.entity.ContentTooLarge;
import com.directorline.problems.entity.InvalidInput;
import com.directorline.problems.entity.Violation;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Binds JSON request bodies to records, strictly: unknown fields, wrong types, unknown enum values,
 * control characters in strings ({@link PlainText}) and malformed JSON become violations that name
 * the field and say what is expected, never what was sent (it may be patient data). Bodies over
 * {@code directorline.http.max-json-bytes} are refused with 413 and bodies nested deeper than
 * {@link #MAX_DEPTH} with 400, both before they are parsed. Constraints (required, lengths) are
 * Bean Validation's job afterwards.
 *
 * <p>Every JSON media type an endpoint takes is named here: Jersey does not read {@code
 * application/*+json} as a pattern, and a type missing here went to the lenient JSON-B reader
 * ({@code {"active":1}} once deactivated a director through {@code application/merge-patch+json}).
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, JsonBodyReader.MERGE_PATCH})
public class JsonBodyReader implements MessageBodyReader<Record> {

  /** RFC 7396, what PATCH endpoints take besides {@code application/json}. */
  public static final String MERGE_PATCH = "application/merge-patch+json";

  /** Deeper than any record the API takes; a 5,000-deep body once overflowed the parser's stack. */
  static final int MAX_DEPTH = 32;

  /** A plain decimal: up to 12 digits before the point and 6 after, no exponent. */
  private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,12}(\\.\\d{1,6})?");

  private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");

  private final int maxBytes;

  public JsonBodyReader() {
    this(
        ConfigProvider.getConfig(JsonBodyReader.class.getClassLoader())
            .getOptionalValue("directorline.http.max-json-bytes", Integer.class)
            .orElse(65536));
  }

  JsonBodyReader(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  private final Map<Class<?>, Constructor<?>> constructors = new ConcurrentHashMap<>();

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type.isRecord();
  }

  @Override
  public Record readFrom(
      Class<Record> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> headers,
      InputStream entity)
      throws IOException {
    String declaredLength = headers.getFirst("Content-Length");
    if (declaredLength != null && parseLong(declaredLength) > maxBytes) {
      throw tooLarge();
    }
    byte[] body = entity.readNBytes(maxBytes + 1);
    if (body.length > maxBytes) {
      throw tooLarge();
    }
    if (body.length == 0) {
      if (Arrays.stream(annotations).anyMatch(a -> a instanceof OptionalBody)) {
        return null;
      }
      throw InvalidInput.of("body", "a JSON object is required");
    }
    if (depth(body) > MAX_DEPTH) {
      throw InvalidInput.of("body", "is nested deeper than " + MAX_DEPTH + " levels");
    }
    JsonValue value;
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
      value = reader.readValue();
    } catch (JsonParsingException e) {
      var location = e.getLocation();
      throw InvalidInput.of(
          "body",
          location == null
              ? "is not valid JSON"
              : "is not valid JSON (line "
                  + location.getLineNumber()
                  + ", column "
                  + location.getColumnNumber()
                  + ")");
    } catch (JsonException e) {
      throw InvalidInput.of("body", "is not valid JSON");
    }
    return bind(type, value);
  }

  /** Binds a parsed JSON value to the record type or throws {@link InvalidInput}. */
  public <R extends Record> R bind(Class<R> type, JsonValue value) {
    List<Violation> violations = new ArrayList<>();
    Object bound = convert(type, type, value, "", violations);
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    return type.cast(bound);
  }

  private Object bindRecord(
      Class<?> type, JsonValue value, String path, List<Violation> violations) {
    if (!(value instanceof JsonObject object)) {
      violations.add(new Violation(path.isEmpty() ? "body" : path, "must be a JSON object"));
      return null;
    }
    RecordComponent[] components = type.getRecordComponents();
    Set<String> known =
        Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.toSet());
    for (String name : object.keySet()) {
      if (!known.contains(name)) {
        // A key is client text too: it is named only when it looks like a field name.
        violations.add(
            FIELD_NAME.matcher(name).matches()
                ? new Violation(join(path, name), "is not a known field")
                : new Violation(path.isEmpty() ? "body" : path, "has a field that is not known"));
      }
    }
    Object[] arguments = new Object[components.length];
    int before = violations.size();
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      JsonValue field = object.get(component.getName());
      arguments[i] =
          convert(
              component.getType(),
              component.getGenericType(),
              field,
              join(path, component.getName()),
              violations);
    }
    if (violations.size() > before) {
      return null;
    }
    try {
      return constructorOf(type).newInstance(arguments);
    } catch (InvocationTargetException e) {
      // A compact constructor rejected the value; its message is written for people.
      if (e.getCause() instanceof IllegalArgumentException rejected) {
        violations.add(new Violation(path.isEmpty() ? "body" : path, rejected.getMessage()));
        return null;
      }
      throw new IllegalStateException("cannot construct " + type.getSimpleName(), e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot construct " + type.getSimpleName(), e);
    }
  }

  private Constructor<?> constructorOf(Class<?> type) {
    return constructors.computeIfAbsent(
        type,
        t -> {
          Class<?>[] parameterTypes =
              Arrays.stream(t.getRecordComponents())
                  .map(RecordComponent::getType)
                  .toArray(Class<?>[]::new);
          try {
            Constructor<?> constructor = t.getDeclaredConstructor(parameterTypes);
            constructor.setAccessible(true);
            return constructor;
          } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private Object convert(
      Class<?> type, Type generic, JsonValue value, String path, List<Violation> violations) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      if (type == boolean.class) {
        return false;
      }
      if (type == int.class) {
        return 0;
      }
      if (type == long.class) {
        return 0L;
      }
      return null;
    }
    if (type == String.class) {
      if (value instanceof JsonString string) {
        if (PlainText.hasForbidden(string.getString())) {
          return violation(violations, path, PlainText.RULE);
        }
        return string.getString();
      }
      return violation(violations, path, "must be a string");
    }
    if (type == boolean.class || type == Boolean.class) {
      if (value == JsonValue.TRUE) {
        return true;
      }
      if (value == JsonValue.FALSE) {
        return false;
      }
      return violation(violations, path, "must be true or false");
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      if (value instanceof JsonNumber number && number.isIntegral()) {
        BigDecimal decimal = number.bigDecimalValue();
        boolean isInt = type == int.class || type == Integer.class;
        BigDecimal min = BigDecimal.valueOf(isInt ? Integer.MIN_VALUE : Long.MIN_VALUE);
        BigDecimal max = BigDecimal.valueOf(isInt ? Integer.MAX_VALUE : Long.MAX_VALUE);
        if (decimal.compareTo(min) >= 0 && decimal.compareTo(max) <= 0) {
          return isInt ? (Object) decimal.intValueExact() : (Object) decimal.longValueExact();
        }
      }
      return violation(violations, path, "must be a whole number");
    }
    if (type == BigDecimal.class) {
      // A decimal as written (a dose of 0.25 stays 0.25, never 0.2500000001). Exponents are
      // refused before any arithmetic, so 1e999999999 cannot cost time or memory.
      if (value instanceof JsonNumber number && DECIMAL.matcher(number.toString()).matches()) {
        return number.bigDecimalValue();
      }
      return violation(violations, path, "must be a decimal number such as 1500 or 0.25");
    }
    if (type.isEnum()) {
      String allowed =
          Arrays.stream(type.getEnumConstants())
              .map(c -> ((Enum<?>) c).name())
              .collect(Collectors.joining(", "));
      if (value instanceof JsonString string) {
        for (Object constant : type.getEnumConstants()) {
          if (((Enum<?>) constant).name().equals(string.getString())) {
            return constant;
          }
        }
      }
      return violation(violations, path, "must be one of " + allowed);
    }
    if (type == UUID.class) {
      if (value instanceof JsonString string) {
        try {
          UUID id = UUID.fromString(string.getString());
          if (id.toString().equalsIgnoreCase(string.getString())) {
            return id;
          }
        } catch (IllegalArgumentException e) {
          // reported below
        }
      }
      return violation(violations, path, "must be a UUID");
    }
    if (type == Instant.class) {
      if (value instanceof JsonString string) {
        Instant instant = InstantParameter.parsed(string.getString());
        if (instant != null) {
          return instant;
        }
      }
      return violation(violations, path, InstantParameter.RULE);
    }
    if (type == List.class || type == Set.class) {
      if (!(value instanceof JsonArray array)) {
        return violation(violations, path, "must be a JSON array");
      }
      Type elementType = ((ParameterizedType) generic).getActualTypeArguments()[0];
      Class<?> elementClass = rawClass(elementType);
      List<Object> elements = new ArrayList<>();
      for (int i = 0; i < array.size(); i++) {
        elements.add(
            convert(elementClass, elementType, array.get(i), path + "[" + i + "]", violations));
      }
      return type == Set.class ? new LinkedHashSet<>(elements) : elements;
    }
    if (type.isRecord()) {
      return bindRecord(type, value, path, violations);
    }
    throw new IllegalStateException("unsupported field type " + type + " at " + path);
  }

  /**
   * How deeply the body's arrays and objects nest, counted on the raw bytes before parsing (a
   * bracket inside a string does not count). Malformed input is left to the parser.
   */
  static int depth(byte[] json) {
    int depth = 0;
    int deepest = 0;
    boolean inString = false;
    for (int i = 0; i < json.length; i++) {
      byte b = json[i];
      if (inString) {
        if (b == '\\') {
          i++;
        } else if (b == '"') {
          inString = false;
        }
      } else if (b == '"') {
        inString = true;
      } else if (b == '[' || b == '{') {
        deepest = Math.max(deepest, ++depth);
      } else if (b == ']' || b == '}') {
        depth--;
      }
    }
    return deepest;
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    throw new IllegalStateException("unsupported element type " + type);
  }

  private static Object violation(List<Violation> violations, String path, String message) {
    violations.add(new Violation(path.isEmpty() ? "body" : path, message));
    return null;
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static long parseLong(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private ContentTooLarge tooLarge() {
    return new ContentTooLarge(
        "body-too-large", "The request body is larger than the allowed " + maxBytes + " bytes.");
  }
}
