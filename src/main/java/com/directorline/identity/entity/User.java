package com.directorline.identity.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A person who signs in. Invariants: a lower-case username, at least one role, at least one clinic.
 * Deactivated users cannot sign in; their history stays.
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

  @Version private long version;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
  @Column(name = "role", nullable = false, length = 32)
  @Enumerated(EnumType.STRING)
  private Set<Role> roles = new HashSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "clinic_membership", joinColumns = @JoinColumn(name = "user_id"))
  @Column(name = "clinic_id", nullable = false)
  private Set<UUID> clinicIds = new HashSet<>();

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
    user.assignRoles(roles);
    user.replaceMemberships(clinicIds);
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

  public void assignRoles(Set<Role> newRoles) {
    if (newRoles == null || newRoles.isEmpty()) {
      throw new IllegalArgumentException("a user needs at least one role");
    }
    this.roles.clear();
    this.roles.addAll(newRoles);
  }

  /** Replaces the memberships the caller may manage, keeping those in other clinics. */
  public void changeMemberships(Set<UUID> manageable, Set<UUID> wanted) {
    Set<UUID> next = new HashSet<>(clinicIds);
    next.removeAll(manageable);
    next.addAll(wanted);
    replaceMemberships(next);
  }

  private void replaceMemberships(Set<UUID> newClinicIds) {
    if (newClinicIds == null || newClinicIds.isEmpty()) {
      throw new IllegalArgumentException("a user belongs to at least one clinic");
    }
    this.clinicIds.clear();
    this.clinicIds.addAll(newClinicIds);
  }

  public void changePassword(String newHash, Clock clock) {
    this.passwordHash = Objects.requireNonNull(newHash, "passwordHash");
    this.passwordChangedAt = clock.instant();
  }

  public void deactivate() {
    this.active = false;
  }

  public void reactivate() {
    this.active = true;
  }

  public boolean belongsTo(UUID clinicId) {
    return clinicIds.contains(clinicId);
  }

  /** True when this user shares at least one clinic with {@code others}. */
  public boolean sharesClinicWith(Set<UUID> others) {
    return clinicIds.stream().anyMatch(others::contains);
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
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

  public Set<Role> roles() {
    return roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
  }

  public Set<UUID> clinicIds() {
    return Set.copyOf(clinicIds);
  }
}
