package org.mediaartscities.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.local.aws.StoreFootprint;

/**
 * The newsletter functions' SnapStart hooks, on one deployment with a confirmed subscriber: each runs its real path
 * once (or its reads, for the planner), and none stores, queues or mails anything.
 */
class NewsletterPrimingTest {

  private static NewsletterTestBed bed;

  @BeforeAll
  static void deploy() {
    bed = new NewsletterTestBed(NewsletterPrimingTest.class);
    bed.subscribeAndConfirm("priming.reader@example.org", "");
  }

  @Test
  void newsletterPrimingAnswersNotFoundForTheImpossibleRunBuildsAMailAndStoresAndSendsNothing() {
    NewsletterApiConfig config = bed.inEnvironmentOf("NewsletterFunction", NewsletterApiConfig::fromEnvironment);
    var priming = new NewsletterPriming(new NewsletterHandler(config), config);
    StoreFootprint before = StoreFootprint.of(bed.deployment.aws());

    priming.beforeCheckpoint(null);

    assertThat(priming.failure()).isNull();
    assertThat(priming.answer().getStatusCode()).as(priming.answer().getBody()).isEqualTo(404);
    assertThat(new String(priming.mime(), StandardCharsets.UTF_8)).contains("priming@example.invalid");
    assertThat(before.itemsIn(bed.deployment.name("NewsletterTable"))).isPositive();
    assertThat(StoreFootprint.of(bed.deployment.aws())).isEqualTo(before);
  }

  @Test
  void plannerPrimingReadsNoRunForTheImpossibleIdAndPlansStoresAndQueuesNothing() {
    var priming = new DigestPlannerPriming(bed.plannerConfig());
    StoreFootprint before = StoreFootprint.of(bed.deployment.aws());

    priming.beforeCheckpoint(null);

    assertThat(priming.failure()).isNull();
    assertThat(priming.run()).isEmpty();
    assertThat(priming.outcome()).contains(PrimingSamples.IMPOSSIBLE_RUN);
    assertThat(StoreFootprint.of(bed.deployment.aws())).isEqualTo(before);
  }

  @Test
  void senderPrimingFailsTheBatchOfTheImpossibleRunBuildsADigestAndSendsNothing() {
    DigestSenderConfig config = bed.inEnvironmentOf("DigestSenderFunction", DigestSenderConfig::fromEnvironment);
    var priming = new DigestSenderPriming(new DigestSender(config), config);
    StoreFootprint before = StoreFootprint.of(bed.deployment.aws());

    priming.beforeCheckpoint(null);

    assertThat(priming.failure()).isNull();
    assertThat(priming.answer().getBatchItemFailures()).hasSize(1);
    assertThat(new String(priming.mime(), StandardCharsets.UTF_8)).contains("List-Unsubscribe");
    assertThat(StoreFootprint.of(bed.deployment.aws())).isEqualTo(before);
  }

  @Test
  void mailEventsPrimingFindsNoSubscriberForTheImpossibleRecipientAndSuppressesNobody() {
    MailEventsConfig config = bed.inEnvironmentOf("MailEventsFunction", MailEventsConfig::fromEnvironment);
    var priming = new MailEventsPriming(config);
    StoreFootprint before = StoreFootprint.of(bed.deployment.aws());

    priming.beforeCheckpoint(null);

    assertThat(priming.failure()).isNull();
    assertThat(priming.known()).isFalse();
    assertThat(StoreFootprint.of(bed.deployment.aws())).isEqualTo(before);
  }
}
