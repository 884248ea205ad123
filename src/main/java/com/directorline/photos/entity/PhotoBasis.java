package com.directorline.photos.entity;

/** What a photo was taken on: the patient's photo consent, or the emergency's exception. */
public enum PhotoBasis {
  PHOTO_CONSENT,
  EMERGENCY_EXCEPTION
}
