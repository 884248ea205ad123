package com.directorline.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * One line of a clinic's transfer plan, what the injector does when no director answers or the
 * patient must go to hospital: "Call 911", "Transfer to St Mary's ED" with its phone. The phone is
 * kept apart from the text so that the phone page can offer it tap-to-call without guessing.
 */
@Embeddable
public class TransferLine {

  @Column(nullable = false)
  private int position;

  @Column(name = "line_text", nullable = false, length = 300)
  private String text;

  @Column(length = 40)
  private String phone;

  protected TransferLine() {}

  public TransferLine(int position, String text, String phone) {
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("a transfer line needs a text");
    }
    this.position = position;
    this.text = text.strip();
    this.phone = phone == null || phone.isBlank() ? null : phone.strip();
  }

  public int position() {
    return position;
  }

  public String text() {
    return text;
  }

  /** Null when the line has no number of its own. */
  public String phone() {
    return phone;
  }

  /**
   * The line as the phone page reads it, where it finds and links every number: the number after
   * the text, unless the text says it already ("Call 911 at once if ...").
   */
  public String asText() {
    return phone == null || text.contains(phone) ? text : text + ": " + phone;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TransferLine other
        && position == other.position
        && Objects.equals(text, other.text)
        && Objects.equals(phone, other.phone);
  }

  @Override
  public int hashCode() {
    return Objects.hash(position, text, phone);
  }
}
