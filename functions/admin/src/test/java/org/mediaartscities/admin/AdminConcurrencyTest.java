package org.mediaartscities.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.admin.AdminTestBed.editor;
import static org.mediaartscities.admin.AdminTestBed.json;
import static org.mediaartscities.admin.AdminTestBed.news;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.mediaartscities.shared.content.EditorialItem;
import org.mediaartscities.local.SampleData;

/** Two editors saving the same version at once: exactly one wins, the other gets 412, nothing is lost. */
class AdminConcurrencyTest {

  private static AdminTestBed bed;

  @BeforeAll
  static void cities() {
    bed = new AdminTestBed(AdminConcurrencyTest.class);
    SampleData.cities().forEach(bed.store::putCity);
  }

  @RepeatedTest(5)
  void exactlyOneOfTwoConcurrentSavesWins() throws Exception {
    String id = json(bed.admin(editor("lyon"), "POST /admin/{kind}", "/admin/news", news(null, "Départ", "Start")))
        .get("id").asText();
    String path = "/admin/news/" + id;
    var start = new CountDownLatch(1);
    var saves = new ArrayList<Callable<APIGatewayV2HTTPResponse>>();
    for (String title : List.of("Version d'Alice", "Version de Bob")) {
      saves.add(() -> {
        start.await();
        return bed.admin(editor("lyon"), "PUT /admin/{kind}/{id}", path, news(null, title, "Start"),
            "If-Match", "\"1\"");
      });
    }
    var responses = new ArrayList<APIGatewayV2HTTPResponse>();
    try (var pool = Executors.newFixedThreadPool(2)) {
      List<Future<APIGatewayV2HTTPResponse>> futures = saves.stream().map(pool::submit).toList();
      start.countDown();
      for (Future<APIGatewayV2HTTPResponse> future : futures) {
        responses.add(future.get());
      }
    }

    assertThat(responses).extracting(APIGatewayV2HTTPResponse::getStatusCode).containsExactlyInAnyOrder(200, 412);
    APIGatewayV2HTTPResponse winner = responses.stream().filter(r -> r.getStatusCode() == 200).findFirst()
        .orElseThrow();
    String winningTitle = json(winner).get("translations").get("fr").get("title").asText();
    EditorialItem stored = bed.repository.editorialItem(id).orElseThrow();
    assertThat(stored.version()).isEqualTo(2);
    assertThat(stored.item().translations().get("fr").title()).isEqualTo(winningTitle);
    assertThat(bed.repository.history(id)).hasSize(2);
  }
}
