package org.mediaartscities.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestLineFrontTest {

  @ParameterizedTest
  @CsvSource({"localhost,true", "localhost:3000,true", "127.0.0.1:3000,true", "127.1.2.3,true", "[::1]:3000,true",
      "[::1],true", "evil.example,false", "evil.example:3000,false", "localhost.evil.example,false",
      "127.0.0.1.evil.example,false", "[::2]:3000,false", "'',false", "localhost:99999999,false"})
  void onlyLoopbackHostsReachTheLocalEndpoints(String host, boolean allowed) {
    assertThat(LocalDevEndpoints.isLoopbackHost(host)).isEqualTo(allowed);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "GET /news?cursor=… HTTP/1.1|GET /news?cursor=%E2%80%A6 HTTP/1.1",
      "GET /news?q=a b HTTP/1.1|GET /news?q=a%20b HTTP/1.1",
      "GET /news?x=%zz&y=%41 HTTP/1.1|GET /news?x=%25zz&y=%41 HTTP/1.1",
      "GET /news?tag=résidence HTTP/1.1|GET /news?tag=r%C3%A9sidence HTTP/1.1",
      "GET /news?limit=5 HTTP/1.1|GET /news?limit=5 HTTP/1.1",
      "garbage|garbage"})
  void encodesWhatAUriMayNotHoldRawAndNothingElse(String sent, String relayed) {
    byte[] line = (sent + "\r\n").getBytes(StandardCharsets.UTF_8);
    assertThat(new String(RequestLineFront.encodeTarget(line), StandardCharsets.UTF_8)).isEqualTo(relayed + "\r\n");
  }
}
