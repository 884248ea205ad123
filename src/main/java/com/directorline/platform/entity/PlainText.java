package com.directorline.platform.entity;

import com.directorline.problems.entity.InvalidInput;

/**
 * Text a person could have typed. U+0000 breaks PostgreSQL's text columns (the request used to end
 * in a 500), and the other control characters, lone surrogates and the non-characters U+FFFE and
 * U+FFFF have no meaning in a name, a reference or a note: they only hide or forge what a reader
 * sees in a page, an export or a log. Tab, line feed and carriage return are text.
 */
public final class PlainText {

  /**
   * A {@code @Pattern} for text with something in it: a character that is not white space, by
   * Unicode's measure ({@code (?U)}): without it an em space (U+2003) or an ideographic space
   * passed for a name, and the entity's own check ({@code String.isBlank}) then failed with a 500.
   */
  public static final String NOT_BLANK = "(?U)(?s).*\\S.*";

  private PlainText() {}

  /** Whether the value holds a character no person types; null holds none. */
  public static boolean hasForbidden(String value) {
    if (value == null) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\t' || c == '\n' || c == '\r') {
        continue;
      }
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0xfffe || c == 0xffff) {
        return true;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
          continue;
        }
        return true;
      }
      if (Character.isLowSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  /** The message a violation gives; it never repeats the value. */
  public static final String RULE = "must not contain control characters";

  /**
   * The value, or 400 naming the field when it holds a character no person types.
   *
   * @throws InvalidInput naming {@code field}
   */
  public static String require(String field, String value) {
    if (hasForbidden(value)) {
      throw InvalidInput.of(field, RULE);
    }
    return value;
  }
}
