package com.directorline.platform.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where generated keys and the embedded database live ({@code directorline.data-dir}). Created on
 * first use, readable by the owner only, because it holds private keys.
 */
public final class DataDirectory {

  public static final String KEY = "directorline.data-dir";

  private DataDirectory() {}

  public static Path resolve() {
    String configured =
        ConfigProvider.getConfig(DataDirectory.class.getClassLoader())
            .getOptionalValue(KEY, String.class)
            .orElse("./data");
    return ensure(Path.of(configured).toAbsolutePath().normalize());
  }

  static Path ensure(Path dir) {
    try {
      Files.createDirectories(dir);
      ownerOnly(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data directory " + dir, e);
    }
  }

  public static void ownerOnly(Path path) throws IOException {
    if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(
          path,
          PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwx------" : "rw-------"));
    }
  }
}
