package com.directorline.platform.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Where every key of the application comes from, in the same order: the key itself from
 * configuration (e.g. the environment), else a configured file, else a file generated once into
 * {@code <data-dir>/keys/} (owner-only) with a warning, for development servers. The token signing
 * key, the audit checkpoint keyset and the photo master keyset all load this way.
 */
public final class KeyFiles {

  private static final Logger LOG = Logger.getLogger(KeyFiles.class.getName());

  private KeyFiles() {}

  /**
   * The key material as text. {@code what} names the key in messages and the warning; {@code
   * production} says what to configure instead of the generated file.
   */
  public static String load(
      Optional<String> inline,
      Optional<String> file,
      String generatedName,
      Supplier<String> generate,
      String what,
      String production) {
    if (inline.isPresent() && !inline.get().isBlank()) {
      return inline.get();
    }
    if (file.isPresent() && !file.get().isBlank()) {
      return read(Path.of(file.get()), what);
    }
    Path generated = DataDirectory.resolve().resolve("keys").resolve(generatedName);
    if (Files.exists(generated)) {
      return read(generated, what);
    }
    String fresh = generate.get();
    write(generated, fresh, what);
    LOG.warning(
        () -> "generated a new " + what + " in " + generated.getParent() + "; " + production);
    return fresh;
  }

  public static String read(Path path, String what) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the " + what + " from " + path, e);
    }
  }

  /** Writes atomically, readable by the owner only, in an owner-only directory. */
  public static void write(Path path, String content, String what) {
    try {
      Files.createDirectories(path.getParent());
      DataDirectory.ownerOnly(path.getParent());
      Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
      Files.writeString(temporary, content, StandardCharsets.UTF_8);
      DataDirectory.ownerOnly(temporary);
      Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the " + what + " to " + path, e);
    }
  }
}
