package com.directorline.oncall.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;
import java.util.UUID;

/** One person's place in a line of the rotation. */
@Embeddable
public class Turn {

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  private Line line;

  @Column(nullable = false)
  private int position;

  @Column(name = "user_id", nullable = false)
  private UUID userId;

  protected Turn() {}

  Turn(Line line, int position, UUID userId) {
    this.line = Objects.requireNonNull(line);
    this.position = position;
    this.userId = Objects.requireNonNull(userId);
  }

  public Line line() {
    return line;
  }

  public int position() {
    return position;
  }

  public UUID userId() {
    return userId;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Turn that
        && line == that.line
        && position == that.position
        && userId.equals(that.userId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(line, position, userId);
  }
}
