package com.directorline.identity.entity;

import java.util.UUID;

/** Someone involved, as colleagues see them: by name, and the phone to call them on. */
public record Person(UUID id, String displayName, String phone) {}
