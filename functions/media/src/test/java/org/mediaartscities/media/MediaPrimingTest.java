package org.mediaartscities.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.local.LocalDeployment;
import org.mediaartscities.local.SampleData;
import org.mediaartscities.shared.content.ContentRow;
import org.mediaartscities.shared.content.ContentStore;
import org.mediaartscities.shared.env.Env;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import org.mediaartscities.local.aws.StoreFootprint;

/** MediaFunction's SnapStart hooks: the read and the renditions once, nothing stored, nothing deleted or sent. */
class MediaPrimingTest {

  private static LocalDeployment deployment;

  @BeforeAll
  static void deploy() {
    deployment = LocalDeployment.forTests(MediaPrimingTest.class, Map.of());
    var client = DynamoDbEnhancedClient.builder().dynamoDbClient(deployment.aws().clients().dynamoDb()).build();
    SampleData.seed(new ContentStore(client, client.table(deployment.name("ContentTable"), ContentRow.SCHEMA)),
        Instant.now());
  }

  @Test
  void primingReadsNoMediaForTheImpossibleIdMakesRenditionsAndStoresNothing() {
    MediaConfig config = ScopedValue.where(Env.SCOPED, deployment.functions().environment("MediaFunction"))
        .call(MediaConfig::fromEnvironment);
    var priming = new MediaPriming(config);
    StoreFootprint before = StoreFootprint.of(deployment.aws());

    priming.beforeCheckpoint(null);

    assertThat(priming.failure()).isNull();
    assertThat(priming.found()).isEmpty();
    assertThat(priming.renditions()).isNotEmpty().allSatisfy(r -> assertThat(r.bytes()).isNotEmpty());
    assertThat(before.itemsIn(deployment.name("ContentTable"))).isPositive();
    assertThat(StoreFootprint.of(deployment.aws())).isEqualTo(before);
  }
}
