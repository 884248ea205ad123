package com.directorline.platform.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * For UUID columns that may be NULL: EclipseLink 4.0.7's built-in UUID conversion throws a
 * NullPointerException on a NULL value. The UUID is bound as itself (both JDBC drivers take {@code
 * java.util.UUID}); a driver may hand back a UUID or its text. Apply with {@code @Convert}.
 */
@Converter
public class NullableUuidConverter implements AttributeConverter<UUID, Object> {

  @Override
  public Object convertToDatabaseColumn(UUID id) {
    return id;
  }

  @Override
  public UUID convertToEntityAttribute(Object value) {
    if (value == null || value instanceof UUID) {
      return (UUID) value;
    }
    return UUID.fromString(value.toString());
  }
}
