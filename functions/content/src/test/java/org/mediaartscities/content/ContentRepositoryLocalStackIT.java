package org.mediaartscities.content;

import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.ContentKeys;
import org.mediaartscities.shared.content.ContentRepository;
import org.mediaartscities.shared.content.ContentRow;
import org.mediaartscities.shared.content.ContentStore;
import org.mediaartscities.shared.content.ContentTable;
import org.mediaartscities.shared.content.ItemQuery;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.shared.content.PublicationStatus;
import org.mediaartscities.shared.content.SlugTakenException;
import org.mediaartscities.shared.content.Translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.local.RepoPaths;
import org.mediaartscities.local.template.LocalResources;
import org.mediaartscities.local.template.Template;
import org.mediaartscities.local.template.TemplateLoader;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The same repository code against LocalStack, a second, independent emulator: the table is created from
 * template.yaml's definition. Needs Docker; skipped cleanly where there is none.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContentRepositoryLocalStackIT {

  @Container
  static final LocalStackContainer LOCALSTACK = new LocalStackContainer("localstack/localstack:4.4")
      .withServices("dynamodb");

  private static ContentStore store;
  private static ContentRepository repository;

  @BeforeAll
  static void createTableFromTemplate() {
    DynamoDbClient client = DynamoDbClient.builder()
        .endpointOverride(LOCALSTACK.getEndpoint())
        .region(Region.of(LOCALSTACK.getRegion()))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
    Template template = TemplateLoader.load(RepoPaths.template());
    LocalResources.table(client, "ContentTable", template.properties("ContentTable"));
    var enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
    DynamoDbTable<ContentRow> table = enhanced.table("ContentTable", ContentRow.SCHEMA);
    store = new ContentStore(enhanced, table);
    repository = new ContentRepository(table);
  }

  @Test
  void listsPublishedNewsNewestFirstAndPagesThroughThem() {
    Instant now = Instant.now();
    for (int i = 0; i < 5; i++) {
      store.putItem(news("ls-" + i, "ls-news-" + i, now.minus(Duration.ofHours(i + 1))));
    }
    store.putItem(news("ls-future", "ls-future", now.plus(Duration.ofDays(1))));

    var first = repository.list(new ItemQuery(Kind.NEWS, "lyon", null, null, ContentKeys.skAtOrBefore(now), false,
        null, 3, null), now);
    var second = repository.list(new ItemQuery(Kind.NEWS, "lyon", null, null, ContentKeys.skAtOrBefore(now), false,
        null, 3, first.next()), now);

    assertThat(first.items()).extracting(ContentItem::id).containsExactly("ls-0", "ls-1", "ls-2");
    assertThat(second.items()).extracting(ContentItem::id).containsExactly("ls-3", "ls-4");
    assertThat(second.next()).isNull();
    assertThat(repository.publicItem(Kind.NEWS, "ls-news-0", now)).isPresent();
    assertThat(repository.publicItem(Kind.NEWS, "ls-future", now)).isEmpty();
  }

  @Test
  void aSlugNamesOneItemOfAKind() {
    store.putItem(news("slug-a", "shared-slug", Instant.now()));

    assertThatThrownBy(() -> store.putItem(news("slug-b", "shared-slug", Instant.now())))
        .isInstanceOf(SlugTakenException.class);
  }

  private static ContentItem news(String id, String slug, Instant publishedAt) {
    return new ContentItem(id, Kind.NEWS, slug, "lyon", "fr", Map.of("fr", Translation.of("Titre", "Résumé", "…")),
        List.of(), List.of(), PublicationStatus.PUBLISHED, publishedAt, null, null, null);
  }
}
