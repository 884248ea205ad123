package com.directorline.audit.boundary;

import com.directorline.audit.control.Actor;
import com.directorline.audit.control.AuditTrail;
import com.directorline.audit.control.EmergencySubjects;
import com.directorline.audit.entity.AuditEvent;
import com.directorline.audit.entity.ObjectType;
import com.directorline.problems.entity.ProblemException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.WebApplicationException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records refused and failed attempts at audited endpoints. Outside the transaction interceptor (a
 * lower priority runs first), so it also sees failures at commit. A refusal is DENIED (401, 403,
 * 404: another clinic's data answers as if it did not exist, and the trail says which); any other
 * failure is ERROR with the problem's type as the reason, never its detail.
 */
@Audited
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class AuditedInterceptor {

  private static final Logger LOG = Logger.getLogger(AuditedInterceptor.class.getName());

  @Inject AuditTrail trail;
  @Inject EmergencySubjects emergencies;
  @Inject Actor actor;

  @AroundInvoke
  public Object audit(InvocationContext invocation) throws Exception {
    try {
      return invocation.proceed();
    } catch (ProblemException problem) {
      int status = problem.problem().status();
      String reason = slug(problem.problem().type());
      failed(invocation, status == 401 || status == 403 || status == 404, reason);
      throw problem;
    } catch (ConstraintViolationException invalid) {
      failed(invocation, false, "invalid-input");
      throw invalid;
    } catch (WebApplicationException web) {
      int status = web.getResponse().getStatus();
      failed(invocation, status == 401 || status == 403 || status == 404, "http-" + status);
      throw web;
    } catch (Exception unexpected) {
      failed(invocation, false, "unexpected-error");
      throw unexpected;
    } catch (Error error) {
      // Out of memory, say: the attempt is still on record if the trail can write at all.
      failed(invocation, false, "unexpected-error");
      throw error;
    }
  }

  private void failed(InvocationContext invocation, boolean denied, String reason) {
    Method method = invocation.getMethod();
    Audited audited = method.getAnnotation(Audited.class);
    if (audited == null) {
      audited = method.getDeclaringClass().getAnnotation(Audited.class);
    }
    UUID subject = pathId(invocation);
    UUID emergency =
        audited.inEmergency() || audited.object() == ObjectType.EMERGENCY ? subject : null;
    AuditEvent.Draft draft =
        AuditEvent.of(audited.action(), audited.object(), audited.inEmergency() ? null : subject)
            .detail(method.getDeclaringClass().getSimpleName() + "." + method.getName());
    if (emergency != null) {
      draft.emergency(emergency, null);
    }
    if (denied) {
      draft.denied(reason);
    } else {
      draft.failed(reason);
    }
    try {
      if (emergency != null) {
        withPatient(draft, emergency);
      }
      trail.recordApart(draft);
    } catch (RuntimeException | Error e) {
      // The caller gets the original failure; the log says the trail missed one.
      LOG.log(
          Level.SEVERE,
          "could not record a failed attempt in the audit trail",
          e.getClass().getName());
    }
  }

  /**
   * The emergency's patient and clinic, when the emergency belongs to one of the caller's clinics:
   * that clinic's compliance officer then finds the attempt under the patient. Another clinic's
   * patient reference is never written into an event the caller's clinic can read.
   */
  private void withPatient(AuditEvent.Draft draft, UUID emergency) {
    emergencies
        .of(emergency)
        .filter(subject -> actor.isSignedIn() && actor.clinicIds().contains(subject.clinicId()))
        .ifPresent(subject -> draft.patient(subject.patientRef()).clinic(subject.clinicId()));
  }

  /** The {@code {id}} path parameter, when the endpoint has one. */
  private static UUID pathId(InvocationContext invocation) {
    Annotation[][] annotations = invocation.getMethod().getParameterAnnotations();
    Object[] values = invocation.getParameters();
    for (int i = 0; i < annotations.length; i++) {
      for (Annotation a : annotations[i]) {
        if (a instanceof PathParam p && p.value().equals("id") && values[i] instanceof UUID id) {
          return id;
        }
      }
    }
    return null;
  }

  private static String slug(String type) {
    int colon = type == null ? -1 : type.lastIndexOf(':');
    return colon < 0 ? type : type.substring(colon + 1);
  }
}
