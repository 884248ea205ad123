package com.directorline.identity.entity;

import java.util.UUID;

/** How to reach a person outside DirectorLine: for the alerts sent by email and webhook. */
public record Contact(UUID id, String displayName, String email, String phone) {}
