package org.mediaartscities.applications.applying;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.applications.ApplicationsTestBed.json;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.applications.ApplicationsTestBed;

/**
 * An address that already applied to a call, given again by someone else: the stranger gets the answer a new address
 * gets, the owner a fixed email with a link to their own application, and the owner's links keep working.
 */
class DuplicateAddressTest {

  private static final String CALL = "duplicates-call";
  private static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static ApplicationsTestBed bed;

  @BeforeAll
  static void deploy() {
    bed = new ApplicationsTestBed(DuplicateAddressTest.class);
    Visitor.openCall(bed, CALL, START.plus(Duration.ofDays(5)));
  }

  @Test
  void aStrangerGivingAnAddressThatAppliedGetsTheAnswerOfANewAddressAndTheOwnerTheirOwnLink() throws Exception {
    String email = "owner@example.org";
    var owner = new Visitor(bed, START);
    JsonNode mine = owner.verifiedAndComplete(owner.create(CALL, email), email);
    assertThat(owner.submit(mine).getStatusCode()).isEqualTo(200);
    int mailsBefore = bed.mailsTo(email).size();

    var stranger = new Visitor(bed, START.plusSeconds(60));
    APIGatewayV2HTTPResponse duplicate = stranger.call("POST /calls/{slug}/applications", "/calls/" + CALL
        + "/applications", "{\"name\": \"Mallory Squatter\", \"email\": \"Owner@Example.org\", \"language\": \"en\"}");
    APIGatewayV2HTTPResponse fresh = stranger.call("POST /calls/{slug}/applications", "/calls/" + CALL
        + "/applications", "{\"name\": \"Mallory Squatter\", \"email\": \"fresh@example.org\", \"language\": \"en\"}");

    assertThat(duplicate.getStatusCode()).isEqualTo(fresh.getStatusCode()).isEqualTo(201);
    assertThat(duplicate.getHeaders().keySet()).isEqualTo(fresh.getHeaders().keySet());
    assertThat(ApplyingTest.shape(json(duplicate))).isEqualTo(ApplyingTest.shape(json(fresh)));
    assertThat(json(duplicate).get("applicationId").asText()).isNotEqualTo(mine.get("applicationId").asText());
    // The stranger's draft is theirs, separate and unverified; a guessed code is answered as for a new address.
    JsonNode theirs = json(stranger.get(json(duplicate)));
    assertThat(theirs.get("status").asText()).isEqualTo("draft");
    assertThat(theirs.get("emailVerified").asBoolean()).isFalse();
    var guessOnDuplicate = stranger.verify(json(duplicate), "AAAA-AAAA");
    var guessOnFresh = stranger.verify(json(fresh), "AAAA-AAAA");
    assertThat(guessOnDuplicate.getStatusCode()).isEqualTo(guessOnFresh.getStatusCode()).isEqualTo(400);
    for (String part : new String[] {"code", "message", "field"}) {
      assertThat(json(guessOnDuplicate).get("error").get(part)).isEqualTo(json(guessOnFresh).get("error").get(part));
    }

    var mails = bed.mailsTo(email);
    assertThat(mails).hasSize(mailsBefore + 1);
    MimeMessage ownerMail = mails.getLast();
    String text = (String) ((MimeMultipart) ownerMail.getContent()).getBodyPart(0).getContent();
    String html = (String) ((MimeMultipart) ownerMail.getContent()).getBodyPart(1).getContent();
    // French typography puts narrow no-break spaces before colons and inside guillemets.
    assertThat(ownerMail.getSubject().replaceAll("[\u00a0\u202f]", " "))
        .isEqualTo("Votre candidature : Appel « " + CALL + " »");
    for (String body : new String[] {text, html}) {
      assertThat(body).doesNotContain("Mallory").doesNotContain(json(duplicate).get("applicationId").asText())
          .doesNotContain("#code=");
    }
    var link = Pattern.compile("application=" + mine.get("applicationId").asText() + "#token=([A-Za-z0-9_-]+)")
        .matcher(text);
    assertThat(link.find()).isTrue();

    // The mailed link opens the owner's application, and the owner's first token still does.
    var byLink = owner.call("GET /applications/{id}", "/applications/" + mine.get("applicationId").asText(), null,
        "x-application-token", link.group(1));
    assertThat(byLink.getStatusCode()).isEqualTo(200);
    assertThat(json(byLink).get("status").asText()).isEqualTo("submitted");
    assertThat(owner.get(mine).getStatusCode()).isEqualTo(200);
  }

  @Test
  void theOwnerIsMailedAtMostOnceEveryTenMinutesAndEveryLinkKeepsWorking() throws Exception {
    String email = "often.asked@example.org";
    var visitor = new Visitor(bed, START);
    JsonNode mine = visitor.verifiedAndComplete(visitor.create(CALL, email), email);
    visitor.submit(mine);
    int mailsBefore = bed.mailsTo(email).size();

    for (int i = 0; i < 3; i++) {
      visitor.after(Duration.ofMinutes(1)).create(CALL, email);
    }
    assertThat(bed.mailsTo(email)).hasSize(mailsBefore + 1);

    visitor.after(AccessLinks.MAIL_COOLDOWN).create(CALL, email);
    var mails = bed.mailsTo(email);
    assertThat(mails).hasSize(mailsBefore + 2);
    for (MimeMessage mail : mails.subList(mailsBefore, mails.size())) {
      var token = Pattern.compile("#token=([A-Za-z0-9_-]+)")
          .matcher((String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent());
      assertThat(token.find()).isTrue();
      assertThat(visitor.call("GET /applications/{id}", "/applications/" + mine.get("applicationId").asText(), null,
          "x-application-token", token.group(1)).getStatusCode()).isEqualTo(200);
    }
    assertThat(visitor.get(mine).getStatusCode()).isEqualTo(200);
  }

  @Test
  void anAddressWhoseApplicationIsADraftOnlyIsMailedACodeForTheNewOne() {
    String email = "two.drafts@example.org";
    var visitor = new Visitor(bed, START);
    JsonNode first = visitor.create(CALL, email);
    JsonNode second = visitor.after(AccessLinks.MAIL_COOLDOWN).create(CALL, email);

    // Nothing is reserved before a submission: each draft gets its own code, and none is a link to the other.
    assertThat(bed.verificationCode(email, first.get("applicationId").asText()))
        .isNotEqualTo(bed.verificationCode(email, second.get("applicationId").asText()));
    assertThat(bed.mailsTo(email)).hasSize(2);
  }
}
