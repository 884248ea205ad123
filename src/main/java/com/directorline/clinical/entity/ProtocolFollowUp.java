package com.directorline.clinical.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * A follow-up the protocol asks for after an emergency ends: so many hours later, what to do ("call
 * the patient: colour, pain, capillary refill; photos").
 */
@Embeddable
public class ProtocolFollowUp {

  /** The latest a protocol may schedule a follow-up: 90 days. */
  public static final int MAX_AFTER_HOURS = 2160;

  @Column(nullable = false)
  private int position;

  @Column(name = "after_hours", nullable = false)
  private int afterHours;

  @Column(name = "follow_up_text", nullable = false, length = 500)
  private String text;

  protected ProtocolFollowUp() {}

  public ProtocolFollowUp(int position, int afterHours, String text) {
    if (afterHours < 1 || afterHours > MAX_AFTER_HOURS) {
      throw new IllegalArgumentException("a follow-up comes 1 hour to 90 days after the end");
    }
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a follow-up says what to do");
    }
    this.position = position;
    this.afterHours = afterHours;
    this.text = text.strip();
  }

  public int position() {
    return position;
  }

  public int afterHours() {
    return afterHours;
  }

  public String text() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProtocolFollowUp other
        && position == other.position
        && afterHours == other.afterHours
        && Objects.equals(text, other.text);
  }

  @Override
  public int hashCode() {
    return Objects.hash(position, afterHours, text);
  }
}
