package org.mediaartscities.shared.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mediaartscities.shared.env.Secret;

class CursorCodecTest {

  private final CursorCodec codec = new CursorCodec(Secret.of("a-secret-of-at-least-thirty-two-bytes!!"));
  private final Map<String, String> position = Map.of("pk", "ITEM#1", "sk", "ITEM", "listSk", "2026#1");

  @Test
  void aCursorCarriesItsPositionBack() {
    assertThat(codec.decode(codec.encode(position, "news|lyon"), "news|lyon")).isEqualTo(position);
  }

  @Test
  void aCursorIsBoundToItsScope() {
    String cursor = codec.encode(position, "news|lyon");
    assertThatThrownBy(() -> codec.decode(cursor, "news|linz")).isInstanceOfSatisfying(ApiException.class,
        e -> assertThat(e.field()).isEqualTo("cursor"));
  }

  @Test
  void anotherKeysCursorIsRefused() {
    String cursor = new CursorCodec(Secret.of("another-secret-of-at-least-thirty-two-bytes")).encode(position, "news");
    assertThatThrownBy(() -> codec.decode(cursor, "news")).isInstanceOf(ApiException.class);
  }

  @Test
  void refreshingTheRandomnessKeepsIssuedCursorsValidAndChangesTheSource() throws ReflectiveOperationException {
    String issued = codec.encode(position, "news");
    var field = CursorCodec.class.getDeclaredField("random");
    field.setAccessible(true);
    Object before = field.get(codec);

    codec.refreshRandomness();

    assertThat(field.get(codec)).isNotNull().isNotSameAs(before);
    assertThat(codec.decode(issued, "news")).isEqualTo(position);
    assertThat(codec.decode(codec.encode(position, "news"), "news")).isEqualTo(position);
  }

  @Test
  void garbageIsRefusedAs400() {
    for (String garbage : new String[] {"", ".", "abc", "abc.def", "%%%.%%%", "e30." + "A".repeat(22),
        "x".repeat(5000)}) {
      assertThatThrownBy(() -> codec.decode(garbage, "news")).as(garbage)
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
    }
  }

  @Test
  void aCursorHidesTheKeysItCarries() {
    String cursor = codec.encode(position, "news|lyon");
    String decoded = new String(java.util.Base64.getUrlDecoder().decode(cursor), java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(decoded).doesNotContain("ITEM").doesNotContain("listSk").doesNotContain("2026");
    assertThat(cursor).matches("[A-Za-z0-9_-]+");
  }

  @Test
  void everyFlippedByteIsRefused() {
    byte[] bytes = java.util.Base64.getUrlDecoder().decode(codec.encode(position, "news"));
    for (int i = 0; i < bytes.length; i++) {
      byte[] tampered = bytes.clone();
      tampered[i] ^= 0x01;
      String cursor = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);
      assertThatThrownBy(() -> codec.decode(cursor, "news")).as("byte " + i).isInstanceOf(ApiException.class);
    }
  }

  @Test
  void aShortSecretIsADeploymentErrorAtItsFirstUseNeverAnInvalidCursor() {
    var shortOne = new CursorCodec(Secret.of("short"));

    assertThatThrownBy(() -> shortOne.encode(Map.of("pk", "x"), "news")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> shortOne.decode("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "news"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theSecretIsReadOnTheFirstCursorNotWhenTheCodecIsMade() {
    var reads = new java.util.concurrent.atomic.AtomicInteger();
    var lazy = new CursorCodec(Secret.readOnFirstUse(() -> {
      reads.incrementAndGet();
      return "a-secret-of-at-least-thirty-two-bytes!!";
    }));
    assertThat(reads).hasValue(0);

    String cursor = lazy.encode(Map.of("pk", "x"), "news");
    assertThat(lazy.decode(cursor, "news")).containsEntry("pk", "x");
    assertThat(reads).hasValue(1);
  }
}
