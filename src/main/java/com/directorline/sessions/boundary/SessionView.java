package com.directorline.sessions.boundary;

import com.directorline.identity.boundary.UserView;
import com.directorline.identity.control.Caller;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The caller's session as the session check found it. */
@Schema(name = "SessionView", description = "Who is signed in, with which roles, until when.")
public record SessionView(
    boolean signedIn,
    UUID userId,
    String username,
    List<UserView.Membership> memberships,
    @Schema(description = "When the idle timeout ends the session if it is not used again.")
        Instant idleDeadline) {

  public SessionView(
      boolean signedIn,
      UUID userId,
      String username,
      List<UserView.Membership> memberships,
      Instant idleDeadline) {
    this.signedIn = signedIn;
    this.userId = userId;
    this.username = username;
    this.memberships = List.copyOf(memberships);
    this.idleDeadline = idleDeadline;
  }

  static SessionView of(Caller caller) {
    if (!caller.isSignedIn()) {
      return new SessionView(false, null, null, List.of(), null);
    }
    return new SessionView(
        true,
        caller.userId(),
        caller.username(),
        caller.rolesByClinic().entrySet().stream()
            .map(
                e ->
                    new UserView.Membership(
                        e.getKey(), null, e.getValue().stream().sorted().toList()))
            .sorted(Comparator.comparing(m -> m.clinicId().toString()))
            .toList(),
        caller.idleDeadline());
  }
}
