package org.mediaartscities.content;

import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.ContentRepository;
import org.mediaartscities.shared.content.ContentRow;
import org.mediaartscities.shared.content.ContentTable;
import org.mediaartscities.shared.content.Editorial;
import org.mediaartscities.shared.content.HistoryEntry;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.shared.content.PublicationStatus;
import org.mediaartscities.shared.content.SlugTakenException;
import org.mediaartscities.shared.content.Translation;
import org.mediaartscities.shared.content.VersionConflictException;

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
  void aReplacedItemKeepsItsSlugAndARenamedOneAnswersBoth() {
    BED.store.putItem(news("same", "mine"));
    var editorial = Editorial.created(Instant.now(), "test");
    long v2 = BED.store.replace(news("same", "mine"), 1, editorial, false,
        new HistoryEntry(Instant.now(), "test", "updated", 2, List.of()));
    BED.store.replace(news("same", "renamed"), v2, editorial.renamedFrom("mine"), true,
        new HistoryEntry(Instant.now(), "test", "updated", 3, List.of()));

    assertThat(repository().publicItem(Kind.NEWS, "mine", Instant.now())).map(ContentItem::slug).contains("renamed");
    assertThat(repository().publicItem(Kind.NEWS, "renamed", Instant.now())).map(ContentItem::id).contains("same");
    assertThat(repository().editorialItem("same").orElseThrow().version()).isEqualTo(3);
  }

  @Test
  void aReplaceAtAnOldVersionChangesNothing() {
    BED.store.putItem(news("old-version", "old-version"));
    var editorial = Editorial.created(Instant.now(), "test");
    var history = new HistoryEntry(Instant.now(), "test", "updated", 2, List.of());

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> BED.store.replace(news("old-version", "changed"), 7,
        editorial, true, history)).isInstanceOf(VersionConflictException.class);
    assertThat(repository().publicItem(Kind.NEWS, "changed", Instant.now())).isEmpty();
    assertThat(repository().editorialItem("old-version").orElseThrow().version()).isEqualTo(1);
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
