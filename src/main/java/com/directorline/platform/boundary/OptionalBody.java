package com.directorline.platform.boundary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A JSON body the client may leave out (a tap on a checklist step needs no words): an empty body is
 * then null, not 400. Every other body is required, and its absence is 400 naming "body".
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface OptionalBody {}
