package com.directorline.audit.control;

import com.directorline.platform.entity.RequestOrigin;
import java.util.Set;
import java.util.UUID;

/**
 * Who acts in the current request and from where, as the trail records them. The trail knows
 * nothing of sign-in: the component that knows the caller provides this request-scoped bean
 * (identity's {@code Caller}), so the dependency points from identity to the trail and never back.
 */
public interface Actor {

  boolean isSignedIn();

  UUID userId();

  String username();

  /** The caller's role names as the database has them now, e.g. {@code DIRECTOR}. */
  Set<String> roleNames();

  Set<UUID> clinicIds();

  RequestOrigin origin();
}
