package com.directorline.clinical.entity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An emergency's incident record as the pages show it. {@code status} is DRAFT (or NONE before the
 * first save) until the accepting director signs it, SIGNED after; a signed record shows the
 * content as signed. {@code version} is what a save or a signature names as read. {@code
 * actionsFromCall} is what was done, written from the checklist's ticks and the orders read back,
 * for the draft to start from. {@code missingForSignature} names the fields a signature still
 * needs. {@code unconfirmedOrders} are the numbers of the orders never read back as given: the
 * director signs over them only by saying so.
 */
public record IncidentRecordView(
    UUID emergencyId,
    String status,
    int version,
    IncidentDetails record,
    Instant updatedAt,
    UUID updatedById,
    String updatedByName,
    String actionsFromCall,
    List<String> missingForSignature,
    List<Integer> unconfirmedOrders,
    boolean mayEdit,
    boolean maySign,
    SignatureView signature,
    List<AddendumView> addenda) {

  /** Who signed, when, and the SHA-256 of what was signed (and whether it still matches). */
  public record SignatureView(
      UUID signedById, String signedByName, Instant signedAt, String sha256, boolean intact) {}

  /** A dated addendum. */
  public record AddendumView(UUID id, Instant at, UUID byId, String byName, String text) {}
}
