package com.directorline.photos.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * A photo's encrypted bytes and its wrapped data key. Apart from {@link Photo} so that listing
 * photos never loads megabytes of ciphertext.
 */
@Entity
@Table(name = "photo_content")
public class PhotoContent {

  @Id
  @Column(name = "photo_id")
  private UUID photoId;

  @Column(name = "master_key_id", nullable = false, length = 8)
  private String masterKeyId;

  @Column(name = "wrapped_key", nullable = false)
  private byte[] wrappedKey;

  @Column(nullable = false, updatable = false)
  private byte[] ciphertext;

  protected PhotoContent() {}

  public PhotoContent(UUID photoId, String masterKeyId, byte[] wrappedKey, byte[] ciphertext) {
    this.photoId = photoId;
    this.masterKeyId = masterKeyId;
    this.wrappedKey = wrappedKey.clone();
    this.ciphertext = ciphertext.clone();
  }

  /** After key rotation: the same data key, wrapped under the new master key. */
  public void rewrapped(String newMasterKeyId, byte[] newWrappedKey) {
    this.masterKeyId = newMasterKeyId;
    this.wrappedKey = newWrappedKey.clone();
  }

  public UUID photoId() {
    return photoId;
  }

  public String masterKeyId() {
    return masterKeyId;
  }

  public byte[] wrappedKey() {
    return wrappedKey.clone();
  }

  public byte[] ciphertext() {
    return ciphertext.clone();
  }
}
