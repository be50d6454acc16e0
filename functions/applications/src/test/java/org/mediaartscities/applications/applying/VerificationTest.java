package org.mediaartscities.applications.applying;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.applications.ApplicationsTestBed.json;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.applications.Application;
import org.mediaartscities.applications.ApplicationsTestBed;

/** An application's address is proved by a one-time code before it is submitted; the code's email says nothing more. */
class VerificationTest {

  private static final String CALL = "verification-call";
  private static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static ApplicationsTestBed bed;

  @BeforeAll
  static void deploy() {
    bed = new ApplicationsTestBed(VerificationTest.class);
    Visitor.openCall(bed, CALL, START.plus(Duration.ofDays(5)));
  }

  @Test
  void theRightCodeVerifiesTheAddressOnceAndForAll() {
    var visitor = new Visitor(bed, START);
    JsonNode application = visitor.create(CALL, "right.code@example.org");
    String code = bed.verificationCode("right.code@example.org", id(application));

    var verified = visitor.verify(application, code.toLowerCase().replace("-", " "));

    assertThat(verified.getStatusCode()).as(verified.getBody()).isEqualTo(200);
    assertThat(json(verified).get("emailVerified").asBoolean()).isTrue();
    assertThat(stored(application).emailVerifiedAt()).isEqualTo(visitor.now());
    assertThat(stored(application).verification()).isNull();
    assertThat(visitor.verify(application, "anything").getStatusCode()).isEqualTo(200); // a second click
  }

  @Test
  void aWrongCodeIsA400NamingTheCodeAndCountsAsAnAttempt() {
    var visitor = new Visitor(bed, START);
    JsonNode application = visitor.create(CALL, "wrong.code@example.org");

    var wrong = visitor.verify(application, "0000-0000");

    assertThat(wrong.getStatusCode()).isEqualTo(400);
    assertThat(json(wrong).get("error").get("field").asText()).isEqualTo("code");
    assertThat(stored(application).emailVerified()).isFalse();
    assertThat(stored(application).verification().attempts()).isEqualTo(1);
    var missing = visitor.on(application, "POST /applications/{id}/verify", "/verify", "{}");
    assertThat(json(missing).get("error").get("field").asText()).isEqualTo("code");
  }

  @Test
  void anExpiredCodeIsRefusedAndANewOneWorks() {
    var visitor = new Visitor(bed, START);
    String email = "expired.code@example.org";
    JsonNode application = visitor.create(CALL, email);
    String old = bed.verificationCode(email, id(application));

    visitor.after(EmailVerification.CODE_LIFETIME);
    var expired = visitor.verify(application, old);

    assertThat(expired.getStatusCode()).isEqualTo(400);
    assertThat(json(expired).get("error").get("field").asText()).isEqualTo("code");
    assertThat(json(expired).get("error").get("message").asText()).contains("expired");
    assertThat(stored(application).emailVerified()).isFalse();

    assertThat(visitor.on(application, "POST /applications/{id}/verification", "/verification", null)
        .getStatusCode()).isEqualTo(202);
    String renewed = bed.verificationCode(email, id(application));
    assertThat(renewed).isNotEqualTo(old);
    assertThat(visitor.verify(application, renewed).getStatusCode()).isEqualTo(200);
  }

  @Test
  void afterFiveWrongCodesEvenTheRightOneIsRefusedUntilANewCodeIsSent() {
    var visitor = new Visitor(bed, START);
    String email = "many.tries@example.org";
    JsonNode application = visitor.create(CALL, email);
    String code = bed.verificationCode(email, id(application));

    for (int i = 0; i < EmailVerification.MAX_ATTEMPTS; i++) {
      assertThat(visitor.verify(application, "ZZZZ-ZZZZ").getStatusCode()).isEqualTo(400);
    }
    var exhausted = visitor.verify(application, code);

    assertThat(exhausted.getStatusCode()).isEqualTo(400);
    assertThat(json(exhausted).get("error").get("message").asText()).contains("Too many");
    assertThat(stored(application).emailVerified()).isFalse();
    assertThat(stored(application).verification().attempts()).isEqualTo(EmailVerification.MAX_ATTEMPTS);

    // Within ten minutes of the first code, asking again sends nothing; after them, a new code.
    visitor.on(application, "POST /applications/{id}/verification", "/verification", null);
    assertThat(bed.verificationCode(email, id(application))).isEqualTo(code);
    visitor.after(AccessLinks.MAIL_COOLDOWN);
    visitor.on(application, "POST /applications/{id}/verification", "/verification", null);
    String fresh = bed.verificationCode(email, id(application));
    assertThat(fresh).isNotEqualTo(code);
    assertThat(visitor.verify(application, fresh).getStatusCode()).isEqualTo(200);
  }

  @Test
  void anUnverifiedApplicationIsNotSubmitted() {
    var visitor = new Visitor(bed, START);
    JsonNode application = visitor.create(CALL, "not.verified@example.org");
    visitor.on(application, "PUT /applications/{id}", "", ApplicationsTestBed.COMPLETE_ANSWERS);

    var refused = visitor.submit(application);

    assertThat(refused.getStatusCode()).isEqualTo(409);
    assertThat(json(refused).get("error").get("code").asText()).isEqualTo("email_not_verified");
    assertThat(stored(application).status()).isEqualTo(Application.Status.DRAFT);
    assertThat(stored(application).reference()).isNull();
    assertThat(bed.mailsTo("not.verified@example.org")).hasSize(1); // the code, no receipt
  }

  @Test
  void theCodesEmailHoldsNothingTheVisitorTypedOnlyTheCallTheCodeAndTheLink() throws Exception {
    var visitor = new Visitor(bed, START);
    String email = "phishing.target@example.org";
    String typed = "Your bank: call +1 555 0100 at https://evil.example.net";
    var created = visitor.call("POST /calls/{slug}/applications", "/calls/" + CALL + "/applications",
        "{\"name\": \"" + typed + "\", \"email\": \"" + email + "\", \"language\": \"en\"}");
    assertThat(created.getStatusCode()).isEqualTo(201);

    MimeMessage mail = bed.mailsTo(email).getFirst();
    var parts = (MimeMultipart) mail.getContent();
    String text = (String) parts.getBodyPart(0).getContent();
    String html = (String) parts.getBodyPart(1).getContent();

    assertThat(mail.getSubject()).isEqualTo("Confirm your email address");
    for (String body : new String[] {text, html, mail.getSubject()}) {
      assertThat(body).doesNotContain("bank").doesNotContain("555").doesNotContain("evil");
    }
    String code = bed.verificationCode(email, id(json(created)));
    assertThat(code).matches("[0-9A-Z]{4}-[0-9A-Z]{4}");
    assertThat(text).contains(code).contains("Appel « " + CALL + " »")
        .doesNotContain(json(created).get("token").asText());
    assertThat(text.lines().filter(line -> line.contains("://")))
        .allMatch(line -> line.startsWith("https://") && line.contains("/calls/" + CALL + "/apply?application="));
  }

  private static String id(JsonNode application) {
    return application.get("applicationId").asText();
  }

  private static Application stored(JsonNode application) {
    return bed.table().applications().get(id(application)).orElseThrow().application();
  }
}
