package com.directorline.chain.boundary;

import com.directorline.audit.boundary.Audited;
import com.directorline.audit.control.AuditTrail;
import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.AuditEvent;
import com.directorline.audit.entity.ObjectType;
import com.directorline.audit.entity.Purpose;
import com.directorline.chain.control.AuditKeys;
import com.directorline.chain.control.AuditVerification;
import com.directorline.chain.control.ChainVerifier;
import com.directorline.identity.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The chain's verdict for the compliance officer, and the checkpoint key's public half for whoever
 * keeps a copy apart from the database. Each verification is itself an audit event.
 */
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ChainResource {

  @Inject AuditVerification verification;
  @Inject AuditKeys keys;
  @Inject AuditTrail trail;

  @Inject
  @ConfigProperty(name = "directorline.audit.retention-years", defaultValue = "6")
  int retentionYears;

  @GET
  @Path("verification")
  @RolesAllowed(Role.Names.COMPLIANCE_OFFICER)
  @Audited(action = AuditAction.VERIFY, object = ObjectType.AUDIT_TRAIL)
  @Operation(
      summary = "Verify the chain",
      description =
          "Recomputes every hash and checks every signed checkpoint, and the copies of the"
              + " checkpoints kept outside the database: OK with counts, or BROKEN at the first"
              + " broken position with what is wrong. Also says how many events wait for the"
              + " sealer and whether it is failing.")
  public VerificationView verification() {
    AuditVerification.Verdict verdict = verification.verify();
    ChainVerifier.Report report = verdict.report();
    String status = report.intact() ? "OK" : "BROKEN";
    trail.recordApart(
        AuditEvent.of(AuditAction.VERIFY, ObjectType.AUDIT_TRAIL, null)
            .purpose(Purpose.OPERATIONS)
            .detail(
                status + " events=" + report.events() + " checkpoints=" + report.checkpoints()));
    Instant oldest = verification.oldestEvent().orElse(null);
    int years = Math.max(6, retentionYears);
    return new VerificationView(
        status,
        report.events(),
        report.checkpoints(),
        report.firstBrokenSeq(),
        report.problem(),
        verdict.pending(),
        verdict.sealerFailingSince(),
        verdict.outsideCopies(),
        report.lastCheckpointAt(),
        verdict.checkedAt(),
        keys.keyId(),
        years,
        oldest,
        oldest == null ? null : oldest.atOffset(ZoneOffset.UTC).plusYears(years).toInstant());
  }

  @GET
  @Path("public-key")
  @RolesAllowed({Role.Names.COMPLIANCE_OFFICER, Role.Names.ADMIN})
  @Operation(
      summary = "The checkpoint signing key's public half",
      description = "PEM and Tink public keyset; keep a copy apart from the database.")
  public PublicKeyView publicKey() {
    return new PublicKeyView(keys.keyId(), "Ed25519", keys.publicKeyPem(), keys.publicKeysetJson());
  }
}
