/**
 * Signing in and staying signed in: sign-in with lockout, one {@code UserSession} per sign-in,
 * session-bound RS256 access tokens delivered as a bearer token and as an HttpOnly cookie (the
 * signing key generated on a development server's first start), MicroProfile JWT verification
 * through {@code BearerOrCookieAuthentication}, the per-request {@code SessionCheck} that binds the
 * caller and checks {@code @RolesAllowed} against the roles the database has now, automatic logoff
 * (idle and absolute), logout, and the cross-site guard for cookie-authenticated changes. The
 * JAX-RS application under {@code /api} lives here because it declares the login configuration and
 * the roles.
 *
 * <p>Out of scope: who the users are and what they may do (identity).
 */
package com.directorline.sessions;
