package com.directorline.clinical.boundary;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of the signature: the version the director read and signs, and whether they sign over
 * orders never read back as given.
 */
@Schema(
    description =
        "The version of the record the director read and signs. acknowledgeUnconfirmedOrders: true"
            + " when an order was never read back as given (409 orders-unconfirmed without it).")
public record SignRequest(
    @NotNull(message = "is required: the version you read")
        @Min(value = 1, message = "must be 1 or more")
        Integer version,
    Boolean acknowledgeUnconfirmedOrders) {

  // Payara's OpenAPI scanner fails on constrained constructor parameters (payara/Payara#7649).
  public SignRequest(Integer version, Boolean acknowledgeUnconfirmedOrders) {
    this.version = version;
    this.acknowledgeUnconfirmedOrders = acknowledgeUnconfirmedOrders;
  }

  boolean acknowledging() {
    return Boolean.TRUE.equals(acknowledgeUnconfirmedOrders);
  }
}
