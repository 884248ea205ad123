package com.directorline.identity.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A person who signs in. Invariants: a lower-case username, at least one clinic, at least one role
 * in each of their clinics. Roles belong to the membership: a person may direct in one clinic and
 * inject in another, and an admin changes roles only in the clinics they administer. Deactivated
 * users cannot sign in; their history stays.
 */
@Entity
@Table(name = "app_user")
public class User {

  public static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

  @Id private UUID id;

  @Column(nullable = false, length = 64, updatable = false)
  private String username;

  @Column(name = "display_name", nullable = false, length = 200)
  private String displayName;

  @Column(length = 254)
  private String email;

  @Column(length = 40)
  private String phone;

  @Column(name = "password_hash", nullable = false, length = 512)
  private String passwordHash;

  @Column(nullable = false)
  private boolean active;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "password_changed_at", nullable = false)
  private Instant passwordChangedAt;

  /** SHA-256 (hex) of the secret of the outstanding one-time password link; null when none. */
  @Column(name = "setup_token_sha256", length = 64)
  private String setupTokenSha256;

  @Column(name = "setup_expires_at")
  private Instant setupExpiresAt;

  @Version private long version;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "membership", joinColumns = @JoinColumn(name = "user_id"))
  private Set<ClinicRole> memberships = new HashSet<>();

  protected User() {}

  /** Enrols a new, active user; the password hash comes from {@code Passwords}. */
  public static User enrol(
      String username,
      String displayName,
      String email,
      String phone,
      String passwordHash,
      Set<Role> roles,
      Set<UUID> clinicIds,
      Clock clock) {
    User user = new User();
    user.id = UUID.randomUUID();
    user.username = normalizeUsername(username);
    user.rename(displayName);
    user.changeContact(email, phone);
    user.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
    user.active = true;
    user.createdAt = clock.instant();
    user.passwordChangedAt = user.createdAt;
    if (clinicIds == null || clinicIds.isEmpty()) {
      throw new IllegalArgumentException("a user belongs to at least one clinic");
    }
    clinicIds.forEach(clinic -> user.join(clinic, roles));
    return user;
  }

  public static String normalizeUsername(String username) {
    String normalized =
        Objects.requireNonNull(username, "username").strip().toLowerCase(Locale.ROOT);
    if (!USERNAME.matcher(normalized).matches()) {
      throw new IllegalArgumentException(
          "a username is 3 to 64 letters, digits, dots, dashes or underscores");
    }
    return normalized;
  }

  public void rename(String newDisplayName) {
    Objects.requireNonNull(newDisplayName, "displayName");
    if (newDisplayName.isBlank()) {
      throw new IllegalArgumentException("a user needs a display name");
    }
    this.displayName = newDisplayName.strip();
  }

  public void changeContact(String newEmail, String newPhone) {
    this.email = blankToNull(newEmail);
    this.phone = blankToNull(newPhone);
  }

  /** The person's roles in one of their clinics, replacing those they had there. */
  public void assignRoles(UUID clinicId, Set<Role> newRoles) {
    if (!belongsTo(clinicId)) {
      throw new IllegalArgumentException("roles are held in a clinic the user belongs to");
    }
    requireSomeRole(newRoles);
    memberships.removeIf(m -> m.clinicId().equals(clinicId));
    newRoles.forEach(role -> memberships.add(new ClinicRole(clinicId, role)));
  }

  /**
   * Replaces the memberships the caller may manage, keeping those in other clinics. A clinic the
   * person newly joins gets {@code rolesForNew}; where they stay, their roles stay.
   */
  public void changeMemberships(Set<UUID> manageable, Set<UUID> wanted, Set<Role> rolesForNew) {
    Set<UUID> next = new HashSet<>(clinicIds());
    next.removeAll(manageable);
    next.addAll(wanted);
    if (next.isEmpty()) {
      throw new IllegalArgumentException("a user belongs to at least one clinic");
    }
    memberships.removeIf(m -> !next.contains(m.clinicId()));
    for (UUID clinic : next) {
      if (!belongsTo(clinic)) {
        join(clinic, rolesForNew);
      }
    }
  }

  private void join(UUID clinicId, Set<Role> roles) {
    requireSomeRole(roles);
    roles.forEach(role -> memberships.add(new ClinicRole(clinicId, role)));
  }

  private static void requireSomeRole(Set<Role> roles) {
    if (roles == null || roles.isEmpty()) {
      throw new IllegalArgumentException("a user needs at least one role");
    }
  }

  /** A password chosen by the person or set by an admin; an outstanding link stops working. */
  public void changePassword(String newHash, Clock clock) {
    this.passwordHash = Objects.requireNonNull(newHash, "passwordHash");
    this.passwordChangedAt = clock.instant();
    this.setupTokenSha256 = null;
    this.setupExpiresAt = null;
  }

  /**
   * The person is to choose their own password through a one-time link (an invitation, or a reset
   * by an admin): the password they had stops working at once ({@code unusableHash} is the hash of
   * a random secret nobody keeps), and only the link's hash is kept, so a copy of the database does
   * not hand out working links. A new link replaces an older one.
   */
  public void awaitPasswordSetup(
      String unusableHash, String tokenSha256, Instant expiresAt, Clock clock) {
    this.passwordHash = Objects.requireNonNull(unusableHash, "unusableHash");
    this.passwordChangedAt = clock.instant();
    this.setupTokenSha256 = Objects.requireNonNull(tokenSha256, "tokenSha256");
    this.setupExpiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** True while the person has not yet chosen a password through their link. */
  public boolean passwordPending() {
    return setupTokenSha256 != null;
  }

  /** Whether the link with this secret hash may still set the password at that instant. */
  public boolean acceptsSetup(String tokenSha256, Instant now) {
    return active
        && setupTokenSha256 != null
        && setupTokenSha256.equals(tokenSha256)
        && now.isBefore(setupExpiresAt);
  }

  /** When the outstanding link stops working; null when there is none. */
  public Instant passwordLinkExpiresAt() {
    return setupExpiresAt;
  }

  /**
   * The person can no longer sign in. An outstanding password link stops for good, not only while
   * disabled: an admin who disables an invitee because the link went astray must not revive it by
   * enabling them again (a new link is one click).
   */
  public void deactivate() {
    this.active = false;
    if (setupTokenSha256 != null) {
      this.setupExpiresAt = Instant.EPOCH;
    }
  }

  public void reactivate() {
    this.active = true;
  }

  public boolean belongsTo(UUID clinicId) {
    return memberships.stream().anyMatch(m -> m.clinicId().equals(clinicId));
  }

  /** True when this user shares at least one clinic with {@code others}. */
  public boolean sharesClinicWith(Set<UUID> others) {
    return memberships.stream().anyMatch(m -> others.contains(m.clinicId()));
  }

  /** True when every clinic of this user is among {@code clinics}. */
  public boolean belongsOnlyTo(Set<UUID> clinics) {
    return memberships.stream().allMatch(m -> clinics.contains(m.clinicId()));
  }

  public boolean hasRole(Role role, UUID clinicId) {
    return memberships.contains(new ClinicRole(clinicId, role));
  }

  /** Whether the person can act in that role in that clinic now: active, and holding it there. */
  public boolean actsAs(Role role, UUID clinicId) {
    return active && hasRole(role, clinicId);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  public UUID id() {
    return id;
  }

  public String username() {
    return username;
  }

  public String displayName() {
    return displayName;
  }

  public String email() {
    return email;
  }

  public String phone() {
    return phone;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public boolean isActive() {
    return active;
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** Every role the person holds in any of their clinics. */
  public Set<Role> roles() {
    return rolesIn(clinicIds());
  }

  /** The roles the person holds in any of the given clinics. */
  public Set<Role> rolesIn(Set<UUID> clinics) {
    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
    memberships.stream()
        .filter(m -> clinics.contains(m.clinicId()))
        .forEach(m -> roles.add(m.role()));
    return Collections.unmodifiableSet(roles);
  }

  /** Each clinic of the person with the roles they hold there. */
  public Map<UUID, Set<Role>> rolesByClinic() {
    Map<UUID, Set<Role>> byClinic = new HashMap<>();
    memberships.forEach(
        m -> byClinic.computeIfAbsent(m.clinicId(), c -> EnumSet.noneOf(Role.class)).add(m.role()));
    byClinic.replaceAll((clinic, roles) -> Collections.unmodifiableSet(roles));
    return Collections.unmodifiableMap(byClinic);
  }

  public Set<UUID> clinicIds() {
    Set<UUID> clinics = new HashSet<>();
    memberships.forEach(m -> clinics.add(m.clinicId()));
    return Collections.unmodifiableSet(clinics);
  }
}
