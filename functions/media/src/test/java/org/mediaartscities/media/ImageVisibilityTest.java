package org.mediaartscities.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.local.lambda.ApiEvents.editor;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.local.LocalDeployment;
import org.mediaartscities.local.SampleData;
import org.mediaartscities.local.lambda.ApiEvents;
import org.mediaartscities.shared.content.ContentRepository;
import org.mediaartscities.shared.content.ContentRow;
import org.mediaartscities.shared.content.ContentStore;
import org.mediaartscities.shared.content.Media;
import org.mediaartscities.shared.json.Json;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * An image is public exactly while a published item shows it: through the real AdminFunction and MediaFunction on
 * the local services. "Served" is what the CDN (and the dev server's /_local/media) would answer: the object under
 * the public renditions/ prefix, the only one MediaBucketPolicy lets the distribution read.
 */
class ImageVisibilityTest {

  // HTTP/1.1, as curl and browsers speak it over plain http (the JDK client would try an h2c upgrade first).
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static LocalDeployment deployment;
  private static S3Client s3;
  private static String bucket;
  private static ContentRepository repository;

  @BeforeAll
  static void deploy() {
    deployment = LocalDeployment.forTests(ImageVisibilityTest.class, Map.of());
    s3 = deployment.aws().clients().s3();
    bucket = deployment.name("MediaBucket");
    var client = DynamoDbEnhancedClient.builder().dynamoDbClient(deployment.aws().clients().dynamoDb()).build();
    var table = client.table(deployment.name("ContentTable"), ContentRow.SCHEMA);
    SampleData.cities().forEach(new ContentStore(client, table)::putCity);
    repository = new ContentRepository(table);
  }

  @Test
  void anImageIsServedOnlyWhileItsItemIsPublished() throws Exception {
    Media media = readyImage();
    String item = createNews("Façade", media.id());
    assertThat(served(media)).as("a draft's image").containsOnly(404);

    action("publish", item);
    assertThat(served(media)).containsOnly(200);
    var copy = s3.headObject(r -> r.bucket(bucket).key(media.renditions().getFirst().key()));
    assertThat(copy.cacheControl()).isEqualTo("public, max-age=86400");
    assertThat(copy.contentType()).isEqualTo("image/jpeg");

    action("unpublish", item);
    assertThat(served(media)).containsOnly(404);
    assertThat(kept(media)).as("the private copies stay, to publish again").containsOnly(true);

    action("publish", item);
    assertThat(served(media)).containsOnly(200);

    delete(item);
    assertThat(served(media)).containsOnly(404);
    assertThat(repository.media(media.id())).as("nothing names it any more: forgotten").isEmpty();
    assertThat(kept(media)).containsOnly(false);
  }

  @Test
  void deletingOneItemKeepsAnImageAnotherPublishedItemShows() throws Exception {
    Media media = readyImage();
    String first = createNews("Premier", media.id());
    String second = createNews("Second", media.id());
    action("publish", first);
    action("publish", second);

    delete(first);
    assertThat(served(media)).containsOnly(200);
    assertThat(repository.media(media.id())).isPresent();

    action("unpublish", second);
    assertThat(served(media)).containsOnly(404);
    assertThat(repository.media(media.id())).as("a draft still names it").isPresent();
    assertThat(kept(media)).containsOnly(true);
  }

  @Test
  void removingAnImageFromAPublishedItemHidesItAndAddingItShowsIt() throws Exception {
    Media media = readyImage();
    Media other = readyImage();
    String item = createNews("Galerie", media.id());
    action("publish", item);

    APIGatewayV2HTTPResponse edited = admin("PUT /admin/{kind}/{id}", "/admin/news/" + item, newsBody("Galerie",
        other.id()), "if-match", json(admin("GET /admin/{kind}/{id}", "/admin/news/" + item, null)).get("version")
        .asText());
    assertThat(edited.getStatusCode()).as(edited.getBody()).isEqualTo(200);

    assertThat(served(media)).containsOnly(404);
    assertThat(served(other)).containsOnly(200);
    assertThat(kept(media)).as("removed from an item is not deleted").containsOnly(true);
  }

  @Test
  void anotherCitysEditorCannotUseThisCitysImage() throws Exception {
    Media lyons = readyImage();

    APIGatewayV2HTTPResponse refused = deployment.functions().invoke("AdminFunction", ApiEvents.request(
        editor("linz"), "POST /admin/{kind}", "/admin/news", newsBody("Linz borrows", lyons.id())));

    assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(400);
    assertThat(json(refused).get("error").get("field").asText()).isEqualTo("images[0].mediaId");
    assertThat(repository.mediaUses(lyons.id())).isEmpty();
    assertThat(served(lyons)).containsOnly(404);
  }

  private static Media readyImage() throws Exception {
    byte[] photo = MediaUploadTest.image(1300, 800, false, "jpg");
    APIGatewayV2HTTPResponse requested = admin("POST /admin/media", "/admin/media",
        "{\"contentType\": \"image/jpeg\", \"size\": %d}".formatted(photo.length));
    JsonNode upload = json(requested);
    int status = HTTP.send(HttpRequest.newBuilder(URI.create(upload.get("uploadUrl").asText()))
        .header("Content-Type", "image/jpeg").PUT(HttpRequest.BodyPublishers.ofByteArray(photo)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
    assertThat(status).isEqualTo(200);
    deployment.s3Events().deliverNew();
    Media media = repository.media(upload.get("mediaId").asText()).orElseThrow();
    assertThat(media.status()).isEqualTo(Media.Status.READY);
    assertThat(media.renditions()).hasSize(2);
    return media;
  }

  private static String newsBody(String title, String mediaId) {
    return """
        {"translations": {"fr": {"title": "%s"}}, "images": [{"mediaId": "%s", "alt": {"fr": "Une image"}}]}"""
        .formatted(title, mediaId);
  }

  private static String createNews(String title, String mediaId) {
    APIGatewayV2HTTPResponse created = admin("POST /admin/{kind}", "/admin/news", newsBody(title, mediaId));
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
    return json(created).get("id").asText();
  }

  private static void action(String what, String item) {
    APIGatewayV2HTTPResponse response = admin("POST /admin/{kind}/{id}/" + what, "/admin/news/" + item + "/" + what,
        null);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
  }

  private static void delete(String item) {
    APIGatewayV2HTTPResponse response = admin("DELETE /admin/{kind}/{id}", "/admin/news/" + item, null);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(204);
  }

  /** What the CDN answers for each rendition's public key. */
  private static List<Integer> served(Media media) {
    return media.renditions().stream().map(rendition -> {
      try {
        s3.getObjectAsBytes(r -> r.bucket(bucket).key(rendition.key()));
        return 200;
      } catch (NoSuchKeyException e) {
        return 404;
      }
    }).toList();
  }

  private static List<Boolean> kept(Media media) {
    return media.renditions().stream().map(rendition -> !s3.listObjectsV2(r -> r.bucket(bucket)
        .prefix(Media.privateKey(rendition.key()))).contents().isEmpty()).toList();
  }

  private static APIGatewayV2HTTPResponse admin(String routeKey, String path, String body, String... headers) {
    return deployment.functions().invoke("AdminFunction", ApiEvents.request(editor("lyon"), routeKey, path, body,
        headers));
  }

  private static JsonNode json(APIGatewayV2HTTPResponse response) {
    try {
      return Json.MAPPER.readTree(response.getBody());
    } catch (Exception e) {
      throw new AssertionError("Not JSON: " + response.getBody(), e);
    }
  }
}
