package com.directorline.clinical.control;

import com.directorline.clinical.entity.Checklist;
import com.directorline.clinical.entity.DrillReport;
import com.directorline.clinical.entity.MedicationGiven;
import com.directorline.clinical.entity.MedicationOrder;
import com.directorline.emergencies.control.Drills;
import com.directorline.emergencies.entity.Emergency;
import com.directorline.identity.control.Caller;
import com.directorline.identity.control.Clinics;
import com.directorline.identity.entity.Clinic;
import com.directorline.problems.entity.InvalidInput;
import com.directorline.problems.entity.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** The clinic's drills and their trend, for its admins and directors. */
@ApplicationScoped
public class DrillReports {

  /** The longest period a report covers, and the most drills it lists. */
  public static final Duration MAX_PERIOD = Duration.ofDays(3 * 366);

  public static final int MAX_DRILLS = 2000;

  @Inject Drills drills;
  @Inject Checklists checklists;
  @Inject Orders orders;
  @Inject Clinics clinics;
  @Inject Caller caller;

  @Transactional
  public DrillReport report(UUID clinicId, Instant from, Instant to) {
    caller.requireMemberOf(clinicId, "clinic");
    if (Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
      throw InvalidInput.of("from", "must be at most three years before to");
    }
    Clinic clinic = clinics.byId(clinicId).orElseThrow(() -> new NotFound("clinic"));
    ZoneId zone = clinic.zone() == null ? ZoneId.of("UTC") : clinic.zone();
    List<DrillReport.Drill> rows = new ArrayList<>();
    for (Emergency e : drills.launched(clinicId, from, to, MAX_DRILLS)) {
      Checklist checklist = checklists.checklistOf(e);
      List<MedicationOrder> placed = orders.ordersOf(e.id());
      Map<UUID, MedicationGiven> given = orders.givenOf(placed);
      rows.add(
          new DrillReport.Drill(
              e.id(),
              e.launchedAt(),
              e.complication(),
              e.status(),
              seconds(e.launchedAt(), e.acceptedAt()),
              seconds(e.launchedAt(), e.connectedAt()),
              checklist.done(),
              checklist.protocol().map(p -> p.steps().size()).orElse(0),
              given.size(),
              placed.size()));
    }
    Map<YearMonth, List<DrillReport.Drill>> byMonth = new TreeMap<>();
    YearMonth first = YearMonth.from(from.atZone(zone));
    YearMonth last = YearMonth.from(to.minusNanos(1).atZone(zone));
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      byMonth.put(m, new ArrayList<>());
    }
    rows.forEach(d -> byMonth.get(YearMonth.from(d.launchedAt().atZone(zone))).add(d));
    List<DrillReport.Month> months = new ArrayList<>();
    byMonth.forEach((month, list) -> months.add(month(month, list)));
    return new DrillReport(clinicId, zone.getId(), from, to, rows, months);
  }

  private static DrillReport.Month month(YearMonth month, List<DrillReport.Drill> drills) {
    int done = drills.stream().mapToInt(DrillReport.Drill::checklistDone).sum();
    int steps = drills.stream().mapToInt(DrillReport.Drill::checklistTotal).sum();
    int given = drills.stream().mapToInt(DrillReport.Drill::ordersGiven).sum();
    int ordered = drills.stream().mapToInt(DrillReport.Drill::ordersTotal).sum();
    return new DrillReport.Month(
        month.toString(),
        drills.size(),
        median(drills.stream().map(DrillReport.Drill::acceptSeconds).toList()),
        median(drills.stream().map(DrillReport.Drill::connectSeconds).toList()),
        steps == 0 ? null : (double) done / steps,
        ordered == 0 ? null : (double) given / ordered);
  }

  /** The median of the known values (the lower middle of an even count); null with none. */
  static Long median(List<Long> values) {
    List<Long> known = values.stream().filter(v -> v != null).sorted().toList();
    return known.isEmpty() ? null : known.get((known.size() - 1) / 2);
  }

  private static Long seconds(Instant from, Instant to) {
    return to == null ? null : Duration.between(from, to).toSeconds();
  }
}
