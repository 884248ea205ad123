/**
 * The audit trail's tamper evidence: committed events are given gapless positions in a SHA-256 hash
 * chain by a sealer on a thread of its own, and signed Ed25519 checkpoints (Tink) are written every
 * N events or M minutes with a key kept outside the database.
 *
 * <p>Operations: seal ({@code AuditSealing}, {@code ChainSealer}); verify on the server ({@code GET
 * /api/audit/verification}) or from the command line ({@code VerifyCommand}, packaged as {@code
 * target/directorline-audit-verify.jar}), both through the same plain-JDBC {@code ChainVerifier};
 * export the checkpoint key's public half ({@code GET /api/audit/public-key}).
 *
 * <p>Out of scope: writing events (audit), reading them for a review (compliance).
 */
package com.directorline.chain;
