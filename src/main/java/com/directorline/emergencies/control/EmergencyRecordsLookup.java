package com.directorline.emergencies.control;

import com.directorline.compliance.control.EmergencyRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Tells the compliance review when emergencies were open and which there were. */
@ApplicationScoped
public class EmergencyRecordsLookup implements EmergencyRecords {

  @PersistenceContext EntityManager em;

  @Override
  public Map<UUID, Window> openBetween(Set<UUID> clinicIds, Instant from, Instant to) {
    Map<UUID, Window> windows = new HashMap<>();
    if (clinicIds.isEmpty()) {
      return windows;
    }
    em.createQuery(
            "select e.id, e.launchedAt, e.endedAt from Emergency e where e.clinicId in :clinics"
                + " and e.launchedAt < :to and (e.endedAt is null or e.endedAt >= :from)",
            Object[].class)
        .setParameter("clinics", clinicIds)
        .setParameter("from", from)
        .setParameter("to", to)
        .getResultList()
        .forEach(row -> windows.put((UUID) row[0], new Window((Instant) row[1], (Instant) row[2])));
    return windows;
  }

  @Override
  public List<Listed> launched(Set<UUID> clinicIds, Instant from, Instant to, int limit) {
    if (clinicIds.isEmpty()) {
      return List.of();
    }
    return em
        .createQuery(
            "select e.id, e.clinicId, e.complication, e.status, e.drill, e.launchedAt,"
                + " e.launchedBy, e.acceptedBy from Emergency e where e.clinicId in :clinics"
                + " and e.launchedAt >= :from and e.launchedAt < :to"
                + " order by e.launchedAt desc, e.id",
            Object[].class)
        .setParameter("clinics", clinicIds)
        .setParameter("from", from)
        .setParameter("to", to)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(
            row ->
                new Listed(
                    (UUID) row[0],
                    (UUID) row[1],
                    row[2].toString(),
                    row[3].toString(),
                    (Boolean) row[4],
                    (Instant) row[5],
                    (UUID) row[6],
                    (UUID) row[7]))
        .toList();
  }
}
