package org.mediaartscities.shared.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class Sha256Test {

  @Test
  void givesTheStandardDigests() {
    // FIPS 180-2, appendix B.1 and the empty message.
    assertThat(HexFormat.of().formatHex(Sha256.of("abc")))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(HexFormat.of().formatHex(Sha256.of(new byte[0])))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void aDigestFedInPartsEqualsTheWhole() {
    var digest = Sha256.fresh();
    digest.update("ab".getBytes());
    digest.update("c".getBytes());

    assertThat(digest.digest()).isEqualTo(Sha256.of("abc"));
  }

  @Test
  void concurrentCallersEachGetTheirOwnDigest() throws Exception {
    byte[] expected = Sha256.of("abc");
    try (var pool = Executors.newFixedThreadPool(8)) {
      var results = IntStream.range(0, 2_000)
          .mapToObj(i -> pool.submit(() -> HexFormat.of().formatHex(Sha256.of(i % 2 == 0 ? "abc" : "x" + i))))
          .toList();
      int i = 0;
      for (Future<String> result : results) {
        if (i % 2 == 0) {
          assertThat(result.get()).isEqualTo(HexFormat.of().formatHex(expected));
        } else {
          assertThat(result.get()).isEqualTo(HexFormat.of().formatHex(
              java.security.MessageDigest.getInstance("SHA-256").digest(("x" + i).getBytes())));
        }
        i++;
      }
    }
  }
}
