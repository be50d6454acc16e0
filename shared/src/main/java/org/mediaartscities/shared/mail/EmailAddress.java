package org.mediaartscities.shared.mail;

import java.util.regex.Pattern;

/** What the API accepts as an email address: a plausible one; only a delivered email proves it. */
public final class EmailAddress {

  private static final Pattern PLAUSIBLE = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
  public static final int MAX_LENGTH = 254;

  private EmailAddress() {}

  public static boolean isPlausible(String address) {
    return address != null && address.length() <= MAX_LENGTH && PLAUSIBLE.matcher(address).matches();
  }
}
