package org.mediaartscities.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/** Slug uniqueness holds under concurrency: the store's transaction decides, not a read-then-write check. */
class ContentStoreTest {

  private static final ContentTestBed BED = new ContentTestBed(ContentStoreTest.class);

  @Test
  void ofManyConcurrentWritersClaimingOneSlugExactlyOneWins() throws Exception {
    int writers = 16;
    var tasks = new ArrayList<Callable<Boolean>>();
    for (int i = 0; i < writers; i++) {
      String id = "racer-" + i;
      tasks.add(() -> {
        try {
          BED.store.putItem(news(id, "contested-slug"));
          return true;
        } catch (SlugTakenException e) {
          return false;
        }
      });
    }
    List<Boolean> outcomes = new ArrayList<>();
    try (var pool = Executors.newFixedThreadPool(writers)) {
      for (Future<Boolean> outcome : pool.invokeAll(tasks)) {
        outcomes.add(outcome.get());
      }
    }

    assertThat(outcomes.stream().filter(won -> won)).hasSize(1);
    ContentItem holder = repository().publicItem(Kind.NEWS, "contested-slug", Instant.now()).orElseThrow();
    assertThat(holder.id()).startsWith("racer-");
  }

  @Test
  void rewritingAnItemKeepsItsOwnSlug() {
    BED.store.putItem(news("same", "mine"));
    BED.store.putItem(news("same", "mine"));

    assertThat(repository().publicItem(Kind.NEWS, "mine", Instant.now())).map(ContentItem::id).contains("same");
  }

  private static ContentRepository repository() {
    var client = DynamoDbEnhancedClient.builder().dynamoDbClient(BED.deployment.aws().clients().dynamoDb()).build();
    return new ContentRepository(client.table(BED.deployment.name("ContentTable"), ContentRow.SCHEMA));
  }

  private static ContentItem news(String id, String slug) {
    return new ContentItem(id, Kind.NEWS, slug, null, "en", Map.of("en", Translation.of("T", "S", "B")), List.of(),
        List.of(), PublicationStatus.PUBLISHED, Instant.now().minusSeconds(60), null, null, null);
  }
}
