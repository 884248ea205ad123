package com.directorline.sessions.control;

import com.directorline.identity.entity.Role;
import com.directorline.identity.entity.User;
import com.directorline.sessions.entity.UserSession;
import io.jsonwebtoken.Jwts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Date;
import java.util.List;

/**
 * Signs access tokens (RS256) in the MicroProfile JWT shape: {@code iss}, {@code sub} (user id),
 * {@code upn} (username), {@code groups} (roles), {@code jti} (session id), {@code iat}, {@code
 * exp} (the session's absolute end). No patient data, no clinic data: those are looked up per
 * request, so a token never outlives a change of membership.
 */
@ApplicationScoped
public class AccessTokens {

  public String issue(User user, UserSession session) {
    return issue(user, session, SigningKeys.get());
  }

  String issue(User user, UserSession session, SigningKeys keys) {
    List<String> groups = user.roles().stream().map(Role::name).sorted().toList();
    return Jwts.builder()
        .header()
        .type("JWT")
        .keyId(keys.keyId())
        .and()
        .issuer(TokenKeyConfigSource.ISSUER_VALUE)
        .subject(user.id().toString())
        .claim("upn", user.username())
        .claim("groups", groups)
        .id(session.id().toString())
        .issuedAt(Date.from(session.createdAt()))
        .expiration(Date.from(session.expiresAt()))
        .signWith(keys.privateKey(), Jwts.SIG.RS256)
        .compact();
  }
}
