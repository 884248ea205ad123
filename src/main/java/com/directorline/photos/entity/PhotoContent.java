package com.directorline.photos.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * A photo's wrapped data key and how its encrypted bytes are stored. Apart from {@link Photo} so
 * that listing photos never loads key material. Photos stored now are streamed (format 2): their
 * ciphertext is in {@code photo_chunk} rows, read and written a chunk at a time, never through this
 * entity. Photos stored before (format 1) carry their whole ciphertext here.
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
  private int format;

  /** Format 1 only. */
  @Column(updatable = false)
  private byte[] ciphertext;

  protected PhotoContent() {}

  /** A streamed photo (format 2): its ciphertext goes into chunks beside this row. */
  public static PhotoContent streamed(UUID photoId, String masterKeyId, byte[] wrappedKey) {
    PhotoContent content = new PhotoContent();
    content.photoId = photoId;
    content.masterKeyId = masterKeyId;
    content.wrappedKey = wrappedKey.clone();
    content.format = STREAMED;
    return content;
  }

  /** Format 1: one AES-256-GCM ciphertext over the whole photo, stored in this row. */
  public static final int WHOLE = 1;

  /** Format 2: Tink StreamingAead, the ciphertext in chunks. */
  public static final int STREAMED = 2;

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

  public int format() {
    return format;
  }

  /** The whole ciphertext of a format 1 photo; empty for a streamed one. */
  public byte[] ciphertext() {
    return ciphertext == null ? new byte[0] : ciphertext.clone();
  }
}
