package com.directorline.testing;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * HAPI FHIR's R4 instance validator, offline: the base specification, its terminologies and the
 * common code systems. Profiles that cannot be fetched here (IHE BALP) are reported as warnings,
 * not checked; everything the R4 base specification requires is an error.
 */
public final class FhirR4Validator {

  private static FhirR4Validator instance;

  private final FhirValidator validator;

  private FhirR4Validator() {
    FhirContext context = FhirContext.forR4();
    UnknownCodeSystemWarningValidationSupport unknownCodeSystems =
        new UnknownCodeSystemWarningValidationSupport(context);
    // DICOM's DCM and BALP's code systems are not part of the R4 packages shipped here.
    unknownCodeSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
    ValidationSupportChain support =
        new ValidationSupportChain(
            new DefaultProfileValidationSupport(context),
            new InMemoryTerminologyServerValidationSupport(context),
            new CommonCodeSystemsTerminologyService(context),
            unknownCodeSystems);
    FhirInstanceValidator module = new FhirInstanceValidator(support);
    module.setErrorForUnknownProfiles(false);
    module.setNoTerminologyChecks(false);
    validator = context.newValidator().registerValidatorModule(module);
  }

  /** One validator per test JVM: loading the R4 specification takes seconds. */
  public static synchronized FhirR4Validator get() {
    if (instance == null) {
      instance = new FhirR4Validator();
    }
    return instance;
  }

  /** The errors and fatal findings for a resource in FHIR JSON, each with its location. */
  public synchronized List<String> errors(String json) {
    return validator.validateWithResult(json).getMessages().stream()
        .filter(
            m ->
                m.getSeverity() == ResultSeverityEnum.ERROR
                    || m.getSeverity() == ResultSeverityEnum.FATAL)
        .map(FhirR4Validator::describe)
        .toList();
  }

  private static String describe(SingleValidationMessage m) {
    return m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage();
  }
}
