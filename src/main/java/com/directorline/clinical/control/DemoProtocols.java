package com.directorline.clinical.control;

import com.directorline.clinical.entity.Protocol;
import com.directorline.clinical.entity.ProtocolFollowUp;
import com.directorline.clinical.entity.ProtocolStep;
import com.directorline.emergencies.entity.Complication;
import com.directorline.identity.control.FirstStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Example protocols for the demo clinic, one per complication, each marked as an example and naming
 * the published source it follows. They give no dose of their own: doses and placement are what the
 * director orders. A clinic's medical director reviews each and adopts it as a version of their own
 * (or writes their own); until then the page shows "Example".
 */
@ApplicationScoped
public class DemoProtocols {

  /** A step that repeats: its text and every how many seconds. */
  private record Step(String text, Integer repeatSeconds) {
    static Step once(String text) {
      return new Step(text, null);
    }

    static Step every(int seconds, String text) {
      return new Step(text, seconds);
    }
  }

  private record Example(String title, List<Step> steps) {}

  static final String SOURCE = "Source followed: ";

  static final Map<Complication, Example> EXAMPLES =
      Map.of(
          Complication.VASCULAR_OCCLUSION,
          new Example(
              "Vascular occlusion after hyaluronic acid filler (example)",
              List.of(
                  Step.once("Stop injecting. Note the time, the product, the lot and the site."),
                  Step.once(
                      "Look for blanching, livedo, dusky skin or slow capillary refill, and ask"
                          + " about pain and vision. Visual symptoms: call 911 at once."),
                  Step.once(
                      "Hyaluronidase as the director orders: dose, dilution and placement are the"
                          + " director's order, read back before it is given."),
                  Step.once("Warm compress and massage of the area as the director advises."),
                  Step.every(
                      900, "Reassess capillary refill and skin colour; report to the director."),
                  Step.once(
                      SOURCE
                          + "DeLorenzi C. New High Dose Pulsed Hyaluronidase Protocol for"
                          + " Hyaluronic Acid Filler Vascular Adverse Events. Aesthet Surg J."
                          + " 2017;37(7):814-825."))),
          Complication.ANAPHYLAXIS,
          new Example(
              "Anaphylaxis (example)",
              List.of(
                  Step.once("Call 911. Stop the treatment; remove the trigger if you can."),
                  Step.once(
                      "Epinephrine intramuscularly into the mid-outer thigh: the dose is the"
                          + " director's order, read back before it is given."),
                  Step.once(
                      "Lay the patient flat with legs raised; sitting up if breathing is hard."
                          + " Never stand them up."),
                  Step.every(
                      300,
                      "Reassess breathing, pulse and blood pressure; tell the director whether a"
                          + " repeat dose is needed."),
                  Step.once(
                      SOURCE
                          + "Cardona V, et al. World Allergy Organization Anaphylaxis Guidance"
                          + " 2020. World Allergy Organ J. 2020;13(10):100472."))),
          Complication.ALLERGIC_REACTION,
          new Example(
              "Allergic reaction without anaphylaxis (example)",
              List.of(
                  Step.once("Stop the treatment."),
                  Step.once(
                      "Check for signs of anaphylaxis: trouble breathing, throat tightness,"
                          + " faintness, low blood pressure. Any of them: follow the anaphylaxis"
                          + " protocol and call 911."),
                  Step.once(
                      "Any medication is the director's order, read back before it is given."),
                  Step.every(600, "Observe and reassess the skin, breathing and pulse."),
                  Step.once(
                      SOURCE
                          + "Cardona V, et al. World Allergy Organization Anaphylaxis Guidance"
                          + " 2020. World Allergy Organ J. 2020;13(10):100472."))),
          Complication.BURN,
          new Example(
              "Burn during treatment (example)",
              List.of(
                  Step.once("Stop the device. Remove jewellery near the area."),
                  Step.once("Cool the burn under cool running water for 20 minutes; no ice."),
                  Step.once("Cover loosely with a clean non-stick dressing or cling film."),
                  Step.once(
                      "Large, deep, facial or blistering burns: the director decides on a"
                          + " transfer."),
                  Step.once(
                      SOURCE
                          + "Australian and New Zealand Burn Association, burn first aid:"
                          + " cool running water for 20 minutes."))),
          Complication.VASOVAGAL,
          new Example(
              "Fainting (vasovagal syncope) (example)",
              List.of(
                  Step.once("Stop the treatment. Lay the patient flat and raise their legs."),
                  Step.once("Loosen tight clothing; check breathing and pulse."),
                  Step.every(120, "Reassess until the patient is alert and well."),
                  Step.once(
                      "Not recovering within a minute, not breathing normally, or injured in a"
                          + " fall: call 911."),
                  Step.once(
                      SOURCE
                          + "American Red Cross, First Aid/CPR/AED Participant's Manual:"
                          + " fainting."))),
          Complication.INFECTION,
          new Example(
              "Suspected infection after filler (example)",
              List.of(
                  Step.once(
                      "Photograph the area; note redness, warmth, swelling, pain, fever and"
                          + " when it began."),
                  Step.once(
                      "Any treatment is the director's order; fever, spreading redness or"
                          + " feeling unwell: the director decides on a transfer."),
                  Step.once("Book a follow-up check within 24 hours."),
                  Step.once(
                      SOURCE
                          + "Urdiales-Gálvez F, et al. Treatment of Soft Tissue Filler"
                          + " Complications: Expert Consensus Recommendations. Aesthetic Plast"
                          + " Surg. 2018;42(2):498-510."))),
          Complication.OTHER,
          new Example(
              "Any other emergency (example)",
              List.of(
                  Step.once(
                      "Unresponsive, not breathing normally, chest pain or severe bleeding: call"
                          + " 911 first."),
                  Step.once("Stop the treatment and stay with the patient."),
                  Step.every(300, "Reassess breathing, pulse and how the patient feels."),
                  Step.once("Follow the director's orders; read each back before acting."),
                  Step.once(
                      SOURCE + "American Red Cross, First Aid/CPR/AED Participant's Manual."))));

  /**
   * The follow-up calls of the examples: a day, two days and a week after an occlusion (the account
   * this product is built around ends with "schedules a follow-up call"), a day after the rest.
   */
  static List<ProtocolFollowUp> followUps(Complication complication) {
    if (complication == Complication.VASCULAR_OCCLUSION) {
      return List.of(
          new ProtocolFollowUp(
              0, 24, "Call the patient: colour, pain, capillary refill; ask for photos."),
          new ProtocolFollowUp(1, 48, "Call or see the patient: healing, any new blanching."),
          new ProtocolFollowUp(2, 168, "See the patient: photos of the area; close or refer."));
    }
    return List.of(new ProtocolFollowUp(0, 24, "Call the patient: how are they today?"));
  }

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  void onSeeded(@Observes FirstStart.Seeded seeded) {
    var admin = seeded.userId("admin");
    if (!seeded.demo() || admin.isEmpty()) {
      return;
    }
    for (Complication complication : Complication.values()) {
      Example example = EXAMPLES.get(complication);
      if (example == null) {
        continue;
      }
      List<ProtocolStep> steps = new ArrayList<>();
      for (int i = 0; i < example.steps().size(); i++) {
        steps.add(
            new ProtocolStep(
                i, example.steps().get(i).text(), example.steps().get(i).repeatSeconds()));
      }
      em.persist(
          Protocol.version(
              seeded.clinicId(),
              complication,
              1,
              example.title(),
              steps,
              followUps(complication),
              true,
              admin.get(), // as the demo consent texts: written by the clinic's first admin
              clock.instant()));
    }
  }
}
