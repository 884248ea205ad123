package com.directorline.escalation.entity;

import com.directorline.platform.entity.NullableUuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A clinic's webhook for its SMS or pager gateway: where alerts are POSTed and the secret they are
 * signed with. The secret is write-only through the API.
 */
@Entity
@Table(name = "clinic_webhook")
public class Webhook {

  @Id
  @Column(name = "clinic_id")
  private UUID clinicId;

  @Column(nullable = false, length = 2000)
  private String url;

  @Column(nullable = false, length = 200)
  private String secret;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by")
  @Convert(converter = NullableUuidConverter.class)
  private UUID updatedBy;

  protected Webhook() {}

  public static Webhook configure(UUID clinicId, String url, String secret, UUID by, Instant at) {
    Webhook webhook = new Webhook();
    webhook.clinicId = clinicId;
    webhook.change(url, secret, by, at);
    return webhook;
  }

  public void change(String newUrl, String newSecret, UUID by, Instant at) {
    this.url = newUrl;
    this.secret = newSecret;
    this.updatedBy = by;
    this.updatedAt = at;
  }

  public UUID clinicId() {
    return clinicId;
  }

  public String url() {
    return url;
  }

  public String secret() {
    return secret;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
