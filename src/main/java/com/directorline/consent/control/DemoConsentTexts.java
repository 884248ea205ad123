package com.directorline.consent.control;

import com.directorline.consent.entity.ConsentKind;
import com.directorline.identity.control.FirstStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Gives the demo clinic a first version of both consent texts, so an injector trying DirectorLine
 * can record consent at once. A real clinic's admin writes its own (with its counsel).
 */
@ApplicationScoped
public class DemoConsentTexts {

  static final Map<ConsentKind, String> TEXTS =
      Map.of(
          ConsentKind.TELEHEALTH_CONSULT,
          "I agree that my injector may consult the clinic's supervising physician by secure video"
              + " about my treatment now. I understand that the physician will see and hear what"
              + " the camera shows, that the call is not recorded, that I may refuse or stop at"
              + " any time without losing care, and that in an emergency the clinic will call 911.",
          ConsentKind.PHOTO_CAPTURE_AND_SHARING,
          "I agree that my injector may take photos of the treated area and share them with the"
              + " clinic's supervising physician for this consultation. The photos are kept"
              + " encrypted in my clinical record, without location data, and are seen only by"
              + " the clinicians caring for me and, when required, the clinic's compliance"
              + " officer.");

  @Inject Consents consents;

  void onSeeded(@Observes FirstStart.Seeded seeded) {
    var admin = seeded.userId("admin");
    if (!seeded.demo() || admin.isEmpty()) {
      return;
    }
    TEXTS.forEach((kind, body) -> consents.demoVersion(seeded.clinicId(), kind, body, admin.get()));
  }
}
