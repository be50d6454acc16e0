package org.mediaartscities.shared.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.mediaartscities.shared.json.Json;

/** Reads a request's JSON body strictly: unknown fields and wrong types are 400s naming the field. */
public final class JsonBody {

  /** Larger bodies are refused before parsing: no item or form needs more. */
  public static final int MAX_BYTES = 256 * 1024;

  private JsonBody() {}

  public static <T> T parse(ApiRequest request, Class<T> type) {
    return parse(request.body(), type);
  }

  /** The same, for a body already taken from its request. */
  public static <T> T parse(String body, Class<T> type) {
    if (body == null || body.isBlank()) {
      throw ApiException.invalid("body", "A JSON body is required.");
    }
    if (body.length() > MAX_BYTES) {
      throw new ApiException(413, "payload_too_large", "The body is larger than " + MAX_BYTES / 1024 + " KB.",
          "body");
    }
    try {
      T value = Json.MAPPER.readValue(body, type);
      if (value == null) {
        throw ApiException.invalid("body", "The body must be a JSON object.");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      String field = path(e);
      throw ApiException.invalid(field, "Unknown field '" + field + "'.");
    } catch (MismatchedInputException e) {
      String field = path(e);
      throw ApiException.invalid(field.isEmpty() ? "body" : field, field.isEmpty() ? "The body must be a JSON object."
          : "'" + field + "' must be " + expected(e.getTargetType()) + ".");
    } catch (JsonMappingException e) {
      String field = path(e);
      throw ApiException.invalid(field.isEmpty() ? "body" : field, "'" + (field.isEmpty() ? "body" : field)
          + "' is not valid.");
    } catch (JsonProcessingException e) {
      // A parser limit (nesting deeper than 1,000 levels, a number or string too long) comes without a location.
      throw ApiException.invalid("body", e.getLocation() == null
          ? "The body is not valid JSON: it is nested too deeply, or holds a number or text too long."
          : "The body is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
              + e.getLocation().getColumnNr() + ").");
    }
  }

  /**
   * Whether the body's object names {@code field} with the value {@code null}: a client saying "none", which a record
   * cannot tell from a field left out. False for a body that is not a JSON object ({@link #parse} says why).
   */
  public static boolean namesNull(ApiRequest request, String field) {
    try {
      var tree = Json.MAPPER.readTree(request.body() == null ? "" : request.body());
      return tree != null && tree.isObject() && tree.has(field) && tree.get(field).isNull();
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  /** What a value of the type a field has looks like, in the words of a form's user: a refusal says it. */
  static String expected(Class<?> type) {
    if (type == null) {
      return "of another type";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class
        || type == Short.class || type == short.class) {
      return "a whole number";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (CharSequence.class.isAssignableFrom(type) || type.isEnum()) {
      return "text";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    return type.isRecord() || Map.class.isAssignableFrom(type) ? "an object" : "of another type";
  }

  /** The JSON path of the failing value: {@code translations.fr.title}, {@code images[0].mediaId}. */
  static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining()).replaceFirst("^\\.", "");
  }
}
