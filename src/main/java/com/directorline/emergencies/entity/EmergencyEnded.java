package com.directorline.emergencies.entity;

/**
 * Fired in the transaction that ends an emergency, so what follows from the end (the follow-ups the
 * protocol asks for) is written with it or not at all.
 */
public record EmergencyEnded(Emergency emergency) {}
