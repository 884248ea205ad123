package com.directorline.compliance.control;

import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.AuditEvent;
import com.directorline.audit.entity.AuditOutcome;
import com.directorline.audit.entity.ObjectType;
import com.directorline.audit.entity.Purpose;
import com.directorline.chain.entity.ChainLink;
import com.directorline.identity.control.Caller;
import com.directorline.identity.control.Users;
import com.directorline.problems.entity.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the trail for a compliance officer, limited to their clinics: events recorded for one of
 * them, and the clinic-less events (sign-ins) of their staff. Newest first.
 */
@ApplicationScoped
public class AuditSearch {

  @PersistenceContext EntityManager em;
  @Inject Caller caller;
  @Inject Users users;

  /** An event with its chain position and hash, both null until the sealer reaches it. */
  public record Found(AuditEvent event, Long seq, String hash) {}

  /** Matches are counted up to this many; beyond it the total says "at least". */
  public static final int COUNT_CAP = 1_000;

  /**
   * A page, the number of matches ({@code exact} false: at least that many), and where the next
   * page starts (null on the last).
   */
  public record Page(List<Found> items, long total, boolean exact, Cursor next) {}

  /**
   * Where a page ended: the last event's time and id. The next page is the events before it, found
   * through the index from there (keyset paging), so page 2,000 costs what page 1 does; an offset
   * made the database read and drop every event of the pages before.
   */
  public record Cursor(Instant at, long id) {

    /** The cursor as the API hands it out: opaque, URL-safe. */
    public String token() {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString((at + "|" + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** A token this search handed out, or 400 naming the field. */
    public static Cursor parse(String field, String token) {
      try {
        String[] parts =
            new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII)
                .split("\\|", -1);
        if (parts.length == 2) {
          return new Cursor(Instant.parse(parts[0]), Long.parseLong(parts[1]));
        }
      } catch (IllegalArgumentException | DateTimeParseException e) {
        // named below
      }
      throw InvalidInput.of(field, "must be a nextCursor this search returned");
    }
  }

  /**
   * The page after {@code after} (or the first), or by its number when no cursor is given (an
   * offset: kept for the API's page parameter, slow for deep pages).
   */
  public Page search(AuditQuery query, int page, int size, Cursor after) {
    Scope scope = scope();
    if (scope.isEmpty()) {
      return new Page(List.of(), 0, true, null);
    }
    int skip = after == null ? page * size : 0;
    // The scope's two halves apart, each through its own index, merged here: as one OR the
    // database could use neither index for the order (issue 16).
    List<Found> merged = new ArrayList<>();
    for (String half : SCOPE_HALVES) {
      Filter filter = filter(query, scope, half);
      if (after != null) {
        // The first condition alone is one the index can start from (at the cursor, not at the
        // newest event); the OR alone made PostgreSQL walk the index from the top and filter, at
        // times: 200 ms for page 2,000 in one run, 18 ms in another with the same data.
        filter.where.append(
            " and e.occurredAt <= :afterAt" + " and (e.occurredAt < :afterAt or e.id < :afterId)");
        filter.parameters.put("afterAt", after.at());
        filter.parameters.put("afterId", after.id());
      }
      merged.addAll(select(filter, "", NEWEST_FIRST, 0, skip + size + 1));
    }
    merged.sort(
        Comparator.comparing((Found f) -> f.event().occurredAt())
            .thenComparing(f -> f.event().id())
            .reversed());
    List<Found> items =
        merged.subList(Math.min(skip, merged.size()), Math.min(skip + size, merged.size()));
    Found last = items.isEmpty() ? null : items.get(items.size() - 1);
    Cursor next =
        merged.size() > skip + size && last != null
            ? new Cursor(last.event().occurredAt(), last.event().id())
            : null;
    // Counting stops at the cap: an exact count of most of a million-event trail costs more than
    // the search itself, and "more than 1000" is as useful to a reviewer (docs/performance.md).
    int counted = 0;
    for (String half : SCOPE_HALVES) {
      Filter filter = filter(query, scope, half);
      var count = em.createQuery("select e.id from AuditEvent e where " + filter.where, Long.class);
      filter.bind(count);
      counted += count.setMaxResults(COUNT_CAP + 1 - counted).getResultList().size();
      if (counted > COUNT_CAP) {
        break;
      }
    }
    return new Page(List.copyOf(items), Math.min(counted, COUNT_CAP), counted <= COUNT_CAP, next);
  }

  /** The caller's clinics' events; the clinic-less events (sign-ins) of their staff. */
  private static final List<String> SCOPE_HALVES =
      List.of("e.clinicId in :clinics", "(e.clinicId is null and e.userId in :staff)");

  /** Up to {@code limit} matching events, newest first; one more than the limit means too many. */
  public List<Found> all(AuditQuery query, int limit) {
    Scope scope = scope();
    return scope.isEmpty()
        ? List.of()
        : select(filter(query, scope), "", NEWEST_FIRST, 0, limit + 1);
  }

  /**
   * What a flag is decided on: the columns of an event the rules read, without the free text, the
   * origin or the chain position. Loading these alone, not whole events, is what keeps a week of a
   * busy clinic's trail quick to flag (docs/performance.md).
   */
  public record Candidate(
      long id,
      Instant at,
      UUID userId,
      String username,
      UUID clinicId,
      AuditAction action,
      AuditOutcome outcome,
      Purpose purpose,
      ObjectType objectType,
      String patientRef,
      UUID emergencyId,
      Boolean participant,
      String reason) {}

  /**
   * The events a flag can come from, oldest first: break-glass, refusals, and every success that
   * touched a patient. One more than the limit means too many.
   */
  public List<Candidate> flagCandidates(AuditQuery range, int limit) {
    Scope scope = scope();
    if (scope.isEmpty()) {
      return List.of();
    }
    // Native SQL: thirteen plain columns per row, without the per-row work of a JPQL report
    // query (converters, result objects), which cost most of the flags' time over a week of a
    // busy trail (docs/performance.md).
    List<Object> parameters = new ArrayList<>();
    StringBuilder sql =
        new StringBuilder(
            "SELECT id, occurred_at, user_id, username, clinic_id, action, outcome, purpose,"
                + " object_type, patient_ref, emergency_id, participant, reason"
                + " FROM audit_event WHERE (clinic_id IN (");
    placeholders(sql, parameters, scope.clinics);
    sql.append(") OR (clinic_id IS NULL AND user_id IN (");
    placeholders(sql, parameters, scope.staff);
    sql.append("))) AND (purpose = '")
        .append(Purpose.BREAK_GLASS.name())
        .append("' OR outcome = '")
        .append(AuditOutcome.DENIED.name())
        .append("' OR patient_ref IS NOT NULL)");
    if (range.from() != null) {
      sql.append(" AND occurred_at >= ?").append(parameters.size() + 1);
      parameters.add(OffsetDateTime.ofInstant(range.from(), ZoneOffset.UTC));
    }
    if (range.to() != null) {
      sql.append(" AND occurred_at < ?").append(parameters.size() + 1);
      parameters.add(OffsetDateTime.ofInstant(range.to(), ZoneOffset.UTC));
    }
    sql.append(" ORDER BY occurred_at, id");
    Query select = em.createNativeQuery(sql.toString());
    for (int i = 0; i < parameters.size(); i++) {
      select.setParameter(i + 1, parameters.get(i));
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = select.setMaxResults(limit + 1).getResultList();
    List<Candidate> candidates = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      candidates.add(
          new Candidate(
              ((Number) r[0]).longValue(),
              instant(r[1]),
              (UUID) r[2],
              (String) r[3],
              (UUID) r[4],
              r[5] == null ? null : AuditAction.valueOf((String) r[5]),
              r[6] == null ? null : AuditOutcome.valueOf((String) r[6]),
              r[7] == null ? null : Purpose.valueOf((String) r[7]),
              r[8] == null ? null : ObjectType.valueOf((String) r[8]),
              (String) r[9],
              (UUID) r[10],
              (Boolean) r[11],
              (String) r[12]));
    }
    return candidates;
  }

  private static void placeholders(StringBuilder sql, List<Object> parameters, Collection<?> in) {
    boolean first = true;
    for (Object value : in) {
      sql.append(first ? "" : ", ").append('?').append(parameters.size() + 1);
      parameters.add(value);
      first = false;
    }
  }

  /** A timestamp as the JDBC driver hands it over (PostgreSQL and H2 differ). */
  private static Instant instant(Object value) {
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof ZonedDateTime z) {
      return z.toInstant();
    }
    return (Instant) value;
  }

  /** These events with their chain positions, by id; only those in the caller's scope. */
  public Map<Long, Found> byIds(Collection<Long> ids) {
    Scope scope = scope();
    Map<Long, Found> found = new HashMap<>();
    List<Long> all = new ArrayList<>(ids);
    for (int i = 0; i < all.size() && !scope.isEmpty(); i += 1_000) {
      Filter filter = filter(new AuditQuery(null, null, null, null, null, null, null, null), scope);
      filter.and("e.id in :ids", "ids", all.subList(i, Math.min(all.size(), i + 1_000)));
      select(filter, "", NEWEST_FIRST, 0, Integer.MAX_VALUE)
          .forEach(f -> found.put(f.event().id(), f));
    }
    return found;
  }

  private static final String NEWEST_FIRST = " order by e.occurredAt desc, e.id desc";

  private List<Found> select(Filter filter, String more, String order, int first, int max) {
    TypedQuery<Object[]> select =
        em.createQuery(
            "select e, c from AuditEvent e left join ChainLink c on c.eventId = e.id where "
                + filter.where
                + more
                + order,
            Object[].class);
    filter.bind(select);
    return select.setFirstResult(first).setMaxResults(max).getResultList().stream()
        .map(AuditSearch::found)
        .toList();
  }

  /** Whether the event exists and lies in the caller's scope. */
  public boolean inScope(long eventId) {
    Scope scope = scope();
    AuditEvent event = em.find(AuditEvent.class, eventId);
    return event != null
        && (event.clinicId() == null
            ? event.userId() != null && scope.staff.contains(event.userId())
            : scope.clinics.contains(event.clinicId()));
  }

  private static Found found(Object[] row) {
    AuditEvent event = (AuditEvent) row[0];
    ChainLink link = (ChainLink) row[1];
    return new Found(event, link == null ? null : link.seq(), link == null ? null : link.hash());
  }

  private record Scope(Set<UUID> clinics, List<UUID> staff) {
    boolean isEmpty() {
      return clinics.isEmpty();
    }
  }

  private Scope scope() {
    Set<UUID> clinics = caller.clinicIds();
    List<UUID> staff = new ArrayList<>(users.memberIds(clinics));
    if (staff.isEmpty()) {
      staff.add(new UUID(0, 0)); // "in ()" is not SQL
    }
    return new Scope(clinics, staff);
  }

  private static final class Filter {
    final StringBuilder where = new StringBuilder();
    final Map<String, Object> parameters = new LinkedHashMap<>();

    void and(String condition, String name, Object value) {
      if (value != null) {
        where.append(" and ").append(condition);
        parameters.put(name, value);
      }
    }

    void bind(Query query) {
      parameters.forEach(query::setParameter);
    }
  }

  /** Emergencies of one patient a search follows; a patient has a handful, not thousands. */
  private static final int MAX_CASES = 1_000;

  private Filter filter(AuditQuery q, Scope scope) {
    return filter(
        q, scope, "(e.clinicId in :clinics or (e.clinicId is null and e.userId in :staff))");
  }

  private Filter filter(AuditQuery q, Scope scope, String scopeClause) {
    Filter f = new Filter();
    f.where.append(scopeClause);
    if (scopeClause.contains(":clinics")) {
      f.parameters.put("clinics", scope.clinics);
    }
    if (scopeClause.contains(":staff")) {
      f.parameters.put("staff", scope.staff);
    }
    f.and("e.occurredAt >= :from", "from", q.from());
    f.and("e.occurredAt < :to", "to", q.to());
    f.and("e.userId = :user", "user", q.userId());
    // An emergency launched before its patient was named (alert first) is filed under the
    // patient by the first event that names both: its earlier events are the patient's too.
    // The emergencies are found first, so the search is two indexed conditions PostgreSQL can
    // combine (a bitmap OR); as a subquery inside the OR it scanned the whole trail
    // (docs/performance.md: 7 ms became 461 ms over a million events).
    if (q.patientRef() != null) {
      List<UUID> cases =
          em.createQuery(
                  "select distinct l.emergencyId from AuditEvent l"
                      + " where l.patientRef = :patient and l.emergencyId is not null",
                  UUID.class)
              .setParameter("patient", q.patientRef())
              .setMaxResults(MAX_CASES)
              .getResultList();
      if (cases.isEmpty()) {
        f.and("e.patientRef = :patient", "patient", q.patientRef());
      } else {
        f.and("(e.patientRef = :patient or e.emergencyId in :cases)", "patient", q.patientRef());
        f.parameters.put("cases", cases);
      }
    }
    f.and("e.emergencyId = :emergency", "emergency", q.emergencyId());
    f.and("e.action = :action", "action", q.action());
    f.and("e.outcome = :outcome", "outcome", q.outcome());
    f.and("e.purpose = :purpose", "purpose", q.purpose());
    return f;
  }
}
