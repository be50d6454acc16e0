package org.mediaartscities.applications.applying;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import org.mediaartscities.applications.Application;
import org.mediaartscities.applications.ApplicationStore;
import org.mediaartscities.shared.auth.SecretTokens;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.http.ApiException;
import org.mediaartscities.shared.http.ApiRequest;
import org.mediaartscities.shared.http.ApiResponse;
import org.mediaartscities.shared.http.JsonBody;

/**
 * Proving an application's email address: a one-time code, mailed with a fixed text, that the applicant gives back
 * with the application's token. Codes are stored hashed, expire after {@link #CODE_LIFETIME}, and allow
 * {@link #MAX_ATTEMPTS} wrong tries; each wrong try is stored before it is answered, so parallel guesses count too.
 */
final class EmailVerification {

  static final Duration CODE_LIFETIME = Duration.ofHours(24);
  static final int MAX_ATTEMPTS = 5;
  // Crockford's base 32: no I, L, O or U, so that a code read aloud or typed is not mistaken.
  private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final int CODE_LENGTH = 8;
  // Replaced after a SnapStart restore (ApplicationsPriming): restored instances must not draw the same codes.
  private static volatile SecureRandom random = new SecureRandom();

  /** Draws codes from a new random source from now on (after a SnapStart restore). */
  static void refreshRandomness() {
    random = new SecureRandom();
  }

  private final ApplyingConfig config;
  private final ApplicantAccess access;
  private final ApplicantView views;
  private final AccessLinks links;

  EmailVerification(ApplyingConfig config, ApplicantAccess access, ApplicantView views, AccessLinks links) {
    this.config = config;
    this.access = access;
    this.views = views;
    this.links = links;
  }

  record CodeInput(String code) {}

  /** A new code, shown as {@code 7KQ2-M9XD}: 40 random bits. */
  static String newCode() {
    var code = new StringBuilder();
    for (int i = 0; i < CODE_LENGTH; i++) {
      code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      if (i == CODE_LENGTH / 2 - 1) {
        code.append('-');
      }
    }
    return code.toString();
  }

  /** A code as typed (any case, with spaces or dashes, O for 0, I or L for 1) as it was generated, then hashed. */
  static String hash(String code) {
    return SecretTokens.hash(normalised(code));
  }

  /** The draft with a new pending code, which {@link #mail} sends once it is stored. */
  static Application withCode(Application application, String code, Instant now) {
    return application.withVerificationCode(hash(code), now, now.plus(CODE_LIFETIME));
  }

  void mail(Application application, ContentItem call, String code) {
    links.mailCode(application, call, code);
  }

  /** {@code POST /applications/{id}/verify}: checks the code; 400 naming {@code code} when it does not prove it. */
  ApiResponse verify(ApiRequest request) {
    ApplicationStore.Stored stored = access.application(request);
    Application application = stored.application();
    if (application.emailVerified()) {
      return json(application); // a second click on the link
    }
    CodeInput input = JsonBody.parse(request, CodeInput.class);
    if (input.code() == null || input.code().isBlank() || input.code().length() > 40) {
      throw ApiException.invalid("code", "'code' is the code we emailed, such as 7KQ2-M9XD.");
    }
    Instant now = config.now();
    Application.Verification pending = application.verification();
    if (pending == null) {
      throw ApiException.invalid("code", "No code is waiting for this application; ask for a new one.");
    }
    if (!now.isBefore(pending.expiresAt())) {
      throw ApiException.invalid("code", "This code has expired; ask for a new one.");
    }
    if (pending.attempts() >= MAX_ATTEMPTS) {
      throw ApiException.invalid("code", "Too many wrong codes; ask for a new one.");
    }
    // Both hashes are compared in constant time (SecretTokens.matches hashes the typed code the same way).
    if (SecretTokens.matches(normalised(input.code()), pending.codeHash())) {
      Application verified = application.verified(now);
      config.applications().replace(verified, stored);
      return json(verified);
    }
    config.applications().replace(application.withFailedVerification(now), stored);
    int left = MAX_ATTEMPTS - pending.attempts() - 1;
    throw ApiException.invalid("code", left > 0 ? "This is not the code we emailed (" + left + " tries left)."
        : "This is not the code we emailed; ask for a new one.");
  }

  /**
   * {@code POST /applications/{id}/verification}: mails a new code, replacing the pending one, unless the address
   * was sent one within {@link AccessLinks#MAIL_COOLDOWN}. The answer is the same either way.
   */
  ApiResponse resend(ApiRequest request) {
    ApplicationStore.Stored stored = access.application(request);
    Application application = stored.application();
    Instant now = config.now();
    if (!application.emailVerified() && application.isDraft() && links.mayMail(application, AccessLinks.VERIFY,
        now)) {
      ContentItem call = access.callOf(application);
      String code = newCode();
      Application renewed = withCode(application, code, now);
      config.applications().replace(renewed, stored);
      mail(renewed, call, code);
    }
    var body = new LinkedHashMap<String, Object>();
    body.put("emailVerified", application.emailVerified());
    body.put("message", "If this address may receive a code now, it is on its way. An address receives at most one "
        + "code every " + AccessLinks.MAIL_COOLDOWN.toMinutes() + " minutes.");
    return ApiResponse.json(body, Applying.NO_STORE).withStatus(202);
  }

  private static String normalised(String code) {
    return code.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "").replace('O', '0').replace('I', '1')
        .replace('L', '1');
  }

  private ApiResponse json(Application application) {
    return ApiResponse.json(views.of(application), Applying.NO_STORE);
  }
}
