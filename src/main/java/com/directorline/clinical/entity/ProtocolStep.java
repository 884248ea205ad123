package com.directorline.clinical.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** One step of a protocol, in plain words; it may repeat every so many seconds. */
@Embeddable
public class ProtocolStep {

  /** The shortest and longest repeat a step may have: 10 seconds to a day. */
  public static final int MIN_REPEAT_SECONDS = 10;

  public static final int MAX_REPEAT_SECONDS = 86_400;

  @Column(nullable = false)
  private int position;

  @Column(name = "step_text", nullable = false, length = 1000)
  private String text;

  @Column(name = "repeat_seconds")
  private Integer repeatSeconds;

  protected ProtocolStep() {}

  public ProtocolStep(int position, String text, Integer repeatSeconds) {
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("a step says what to do");
    }
    if (repeatSeconds != null
        && (repeatSeconds < MIN_REPEAT_SECONDS || repeatSeconds > MAX_REPEAT_SECONDS)) {
      throw new IllegalArgumentException("a step repeats every 10 s to 24 h");
    }
    this.position = position;
    this.text = text.strip();
    this.repeatSeconds = repeatSeconds;
  }

  public int position() {
    return position;
  }

  public String text() {
    return text;
  }

  /** Null when the step is done once. */
  public Integer repeatSeconds() {
    return repeatSeconds;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProtocolStep other
        && position == other.position
        && Objects.equals(text, other.text)
        && Objects.equals(repeatSeconds, other.repeatSeconds);
  }

  @Override
  public int hashCode() {
    return Objects.hash(position, text, repeatSeconds);
  }
}
