/**
 * The emergency's video room: short-lived Jitsi JWTs for the two participants, bound to the
 * emergency's unguessable room, the director as the only moderator, recording and streaming off.
 * Self-hosted Jitsi (HS256 app secret, or RS256 with a key id) or JaaS by configuration.
 *
 * <p>Out of scope: who may have a grant and when (emergencies decides), the call itself.
 */
package com.directorline.video;
