package com.directorline.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A medical spa: the unit of tenancy. */
@Entity
@Table(name = "clinic")
public class Clinic {

  @Id private UUID id;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Clinic() {}

  private Clinic(UUID id, String name, Instant createdAt) {
    this.id = id;
    this.name = name;
    this.createdAt = createdAt;
  }

  public static Clinic open(String name, Clock clock) {
    return new Clinic(UUID.randomUUID(), requireName(name), clock.instant());
  }

  public void rename(String newName) {
    this.name = requireName(newName);
  }

  private static String requireName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a clinic needs a name");
    }
    return name.strip();
  }

  public UUID id() {
    return id;
  }

  public String name() {
    return name;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
