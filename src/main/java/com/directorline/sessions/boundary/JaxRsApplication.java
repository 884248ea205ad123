package com.directorline.sessions.boundary;

import com.directorline.identity.entity.Role;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The API under {@code /api}, signed in through MicroProfile JWT with the four roles. Here, with
 * the sign-in, because it declares the login configuration and the roles. Application-scoped so
 * that it is a CDI bean: MP-JWT and the interceptors ({@code @Transactional}) need that under
 * annotated discovery.
 */
@ApplicationPath("api")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT", realmName = "directorline")
@DeclareRoles({
  Role.Names.INJECTOR,
  Role.Names.DIRECTOR,
  Role.Names.COMPLIANCE_OFFICER,
  Role.Names.ADMIN
})
@OpenAPIDefinition(
    info =
        @Info(
            title = "DirectorLine",
            version = "1",
            description =
                "Emergency consults between med spa injectors and their medical directors. Every"
                    + " operation lists the roles allowed to call it (x-roles)."),
    security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(
    securitySchemeName = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
public class JaxRsApplication extends Application {}
