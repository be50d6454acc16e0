package org.mediaartscities.local.template;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Properties;

/**
 * Values for the template's generated secrets ({@code AWS::SecretsManager::Secret}), made up locally on first
 * use and kept in the local data folder, so that cursors stay valid across restarts.
 */
public final class LocalSecrets {

  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path file;
  private final Properties values = new Properties();

  /** @param file where the secrets persist, or null to keep them in memory */
  public LocalSecrets(Path file) {
    this.file = file;
    if (file != null && Files.exists(file)) {
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        values.load(reader);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The secret's value, generated (48 letters and digits) the first time it is asked for. */
  public synchronized String value(String name) {
    String value = values.getProperty(name);
    if (value == null) {
      var generated = new StringBuilder();
      for (int i = 0; i < 48; i++) {
        generated.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
      }
      value = generated.toString();
      values.setProperty(name, value);
      save();
    }
    return value;
  }

  private void save() {
    if (file == null) {
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        values.store(writer, "Local stand-ins for the template's generated secrets; never used in AWS");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
