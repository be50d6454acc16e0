package org.mediaartscities.applications.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.applications.ApplicationsTestBed;
import org.mediaartscities.shared.content.ContentRow;
import org.mediaartscities.shared.content.ContentRepository;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import org.mediaartscities.local.aws.StoreFootprint;

/** ApplicationExportsFunction's SnapStart hooks: the real path once, nothing stored, uploaded or sent. */
class ZipExportPrimingTest {

  private static ApplicationsTestBed bed;

  @BeforeAll
  static void deploy() {
    bed = new ApplicationsTestBed(ZipExportPrimingTest.class);
  }

  @Test
  void primingFindsNoJobForTheImpossibleExportAndStoresAndSendsNothing() {
    ZipExportHandler handler = bed.inEnvironment("ApplicationExportsFunction", Map.of(), ZipExportHandler::new);
    var client = DynamoDbEnhancedClient.builder().dynamoDbClient(bed.deployment.aws().clients().dynamoDb()).build();
    var calls = new ContentRepository(client.table(bed.deployment.name("ContentTable"), ContentRow.SCHEMA));
    var priming = new ZipExportPriming(handler, calls);
    StoreFootprint before = StoreFootprint.of(bed.deployment.aws());

    priming.beforeCheckpoint(null);

    assertThat(priming.failure()).isNull();
    assertThat(priming.answer().getBatchItemFailures()).isEmpty();
    assertThat(priming.call()).isEmpty();
    assertThat(before.itemsIn(bed.deployment.name("ContentTable"))).isPositive();
    assertThat(StoreFootprint.of(bed.deployment.aws())).isEqualTo(before);
  }
}
