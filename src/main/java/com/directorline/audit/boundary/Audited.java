package com.directorline.audit.boundary;

import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.ObjectType;
import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that touches patient data or the trail. Its control records the successful
 * access in the action's own transaction; {@link AuditedInterceptor} records every refused or
 * failed attempt, in a transaction of its own because the action's rolls back. ArchitectureTest
 * requires it on every endpoint of the components that hold patient data.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Audited {

  @Nonbinding
  AuditAction action() default AuditAction.READ;

  @Nonbinding
  ObjectType object() default ObjectType.EMERGENCY;

  /**
   * The path's {@code {id}} names the emergency the object belongs to (a photo upload, say), so a
   * refused or failed attempt is recorded with that emergency and its patient.
   */
  @Nonbinding
  boolean inEmergency() default false;
}
