package org.mediaartscities.shared.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Map;
import java.util.function.Supplier;
import org.mediaartscities.shared.env.Env;
import org.junit.jupiter.api.Test;

class LazyClientsTest {

  @Test
  void theClientIsBuiltOnItsFirstUseNotBeforeAndOnlyOnce() {
    var builds = new AtomicInteger();
    Supplier<StringBuilder> client = LazyClients.of(() -> {
      builds.incrementAndGet();
      return new StringBuilder("client");
    });

    assertThat(builds).hasValue(0);
    StringBuilder first = client.get();
    assertThat(client.get()).isSameAs(first);
    assertThat(builds).hasValue(1);
  }

  @Test
  void theClientIsBuiltWithTheVariablesBoundWhenItWasMadeAsTheDevServerBindsThem() {
    Supplier<String> region = ScopedValue.where(Env.SCOPED, Map.of("AWS_REGION", "eu-north-1"))
        .call(() -> LazyClients.of(() -> Env.required("AWS_REGION")));

    assertThat(Env.SCOPED.isBound()).isFalse();
    assertThat(region.get()).isEqualTo("eu-north-1");
  }

  @Test
  void buildAllBuildsWhatIsNotBuiltYetOnce() {
    var builds = new AtomicInteger();
    Supplier<Object> client = LazyClients.of(() -> {
      builds.incrementAndGet();
      return new Object();
    });

    LazyClients.buildAll();
    LazyClients.buildAll();
    client.get();

    assertThat(builds).hasValue(1);
  }

  @Test
  void concurrentFirstUsesBuildOneClient() throws Exception {
    var builds = new AtomicInteger();
    Supplier<Object> client = LazyClients.of(() -> {
      builds.incrementAndGet();
      return new Object();
    });
    var start = new CountDownLatch(1);
    var seen = Collections.synchronizedList(new ArrayList<Object>());
    try (var threads = Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < 8; i++) {
        threads.submit(() -> {
          start.await();
          return seen.add(client.get());
        });
      }
      start.countDown();
    }

    assertThat(seen).hasSize(8).allSatisfy(c -> assertThat(c).isSameAs(seen.getFirst()));
    assertThat(builds).hasValue(1);
  }
}
