package org.mediaartscities.local.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mediaartscities.local.LocalBackup;
import org.mediaartscities.local.LocalDeployment;
import org.mediaartscities.local.SampleData;
import org.mediaartscities.shared.content.ContentRow;
import org.mediaartscities.shared.content.ContentStore;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** ./dev backup and ./dev restore: a deployment's tables and buckets, written out and put back whole. */
class LocalBackupTest {

  @Test
  void aBackupRestoredIntoAnEmptyDeploymentGivesBackEveryItemAndObject(@TempDir Path dir) throws Exception {
    LocalDeployment source = LocalDeployment.forTests(LocalBackupTest.class);
    var client = DynamoDbEnhancedClient.builder().dynamoDbClient(source.aws().clients().dynamoDb()).build();
    SampleData.seed(new ContentStore(client, client.table(source.name("ContentTable"), ContentRow.SCHEMA)),
        Instant.now());
    byte[] pdf = Files.readAllBytes(org.mediaartscities.local.RepoPaths.root().resolve("local/samples/portfolio.pdf"));
    source.aws().clients().s3().putObject(r -> r.bucket(source.name("ApplicationsBucket"))
        .key("applications/a b/é.pdf").contentType("application/pdf"), RequestBody.fromBytes(pdf));

    LocalBackup.Contents written = new LocalBackup(source).backup(dir.resolve("backup"));
    LocalDeployment target = LocalDeployment.forTests(RestoredDeployment.class);
    LocalBackup.Contents read = new LocalBackup(target).restore(dir.resolve("backup"));

    assertThat(written.items().get("ContentTable")).isGreaterThan(60);
    assertThat(read).isEqualTo(written);
    assertThat(items(target, "ContentTable")).isEqualTo(items(source, "ContentTable"));
    var restored = target.aws().clients().s3().getObjectAsBytes(r -> r.bucket(target.name("ApplicationsBucket"))
        .key("applications/a b/é.pdf"));
    assertThat(restored.asByteArray()).isEqualTo(pdf);
    assertThat(restored.response().contentType()).isEqualTo("application/pdf");
  }

  @Test
  void aBackupGoesToANewFolderOnly(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("something.txt"), "kept");
    LocalDeployment source = LocalDeployment.forTests(BusyFolder.class);

    assertThatThrownBy(() -> new LocalBackup(source).backup(dir)).isInstanceOf(IllegalArgumentException.class);
    assertThat(Files.readString(dir.resolve("something.txt"))).isEqualTo("kept");
  }

  private static Set<Map<String, AttributeValue>> items(LocalDeployment deployment, String table) {
    var items = new HashSet<Map<String, AttributeValue>>();
    deployment.aws().clients().dynamoDb().scanPaginator(r -> r.tableName(deployment.name(table))).items()
        .forEach(items::add);
    return items;
  }

  /** Names the second deployment's resources apart from the first's. */
  private static final class RestoredDeployment {}

  private static final class BusyFolder {}
}
