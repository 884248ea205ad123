package com.directorline.chain.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An event's place in the hash chain, as the sealer wrote it. Read-only here: the sealer writes
 * through JDBC ({@code ChainSealer}), and searches show the position and hash beside each event.
 */
@Entity
@Table(name = "audit_chain")
public class ChainLink {

  @Id private long seq;

  @Column(name = "event_id", nullable = false, insertable = false, updatable = false)
  private long eventId;

  @Column(nullable = false, insertable = false, updatable = false, length = 64)
  private String hash;

  protected ChainLink() {}

  public long seq() {
    return seq;
  }

  public long eventId() {
    return eventId;
  }

  public String hash() {
    return hash;
  }
}
