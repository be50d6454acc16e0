package org.mediaartscities.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.local.lambda.ApiEvents.editor;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.shared.content.ContentRow;
import org.mediaartscities.shared.content.ContentStore;
import org.mediaartscities.shared.content.Media;
import org.mediaartscities.local.LocalDeployment;
import org.mediaartscities.local.SampleData;
import org.mediaartscities.local.lambda.ApiEvents;
import org.mediaartscities.shared.json.Json;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The whole upload path on real local services: AdminFunction issues a presigned URL, the bytes go to S3Proxy,
 * the S3 event reaches MediaFunction, which checks, strips, resizes and decides.
 */
class MediaUploadTest {

  // HTTP/1.1, as curl and browsers speak it over plain http (the JDK client would try an h2c upgrade first).
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static LocalDeployment deployment;
  private static S3Client s3;
  private static String bucket;

  @BeforeAll
  static void deploy() {
    deployment = LocalDeployment.forTests(MediaUploadTest.class);
    s3 = deployment.aws().clients().s3();
    bucket = deployment.name("MediaBucket");
    var client = DynamoDbEnhancedClient.builder().dynamoDbClient(deployment.aws().clients().dynamoDb()).build();
    SampleData.cities().forEach(new ContentStore(client, client.table(deployment.name("ContentTable"),
        ContentRow.SCHEMA))::putCity);
  }

  @Test
  void aPhotoBecomesReadyWithRenditionsAndWithoutItsMetadata() throws Exception {
    byte[] photo = withMetadata(image(1600, 1000, false, "jpg"));
    JsonNode upload = requestUpload("image/jpeg", photo.length);

    assertThat(put(upload, "image/jpeg", photo)).isEqualTo(200);
    deployment.s3Events().deliverNew();

    JsonNode media = status(upload);
    assertThat(media.get("status").asText()).as(media.toString()).isEqualTo("ready");
    assertThat(media.get("renditions")).extracting(r -> r.get("width").asInt()).containsExactly(400, 1200);
    for (JsonNode rendition : media.get("renditions")) {
      byte[] bytes = s3.getObjectAsBytes(r -> r.bucket(bucket).key(Media.privateKey(rendition.get("key").asText())))
          .asByteArray();
      BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(bytes));
      assertThat(decoded.getWidth()).isEqualTo(rendition.get("width").asInt());
      assertThat(decoded.getHeight()).isEqualTo(rendition.get("height").asInt());
      String text = new String(bytes, StandardCharsets.ISO_8859_1);
      assertThat(text).doesNotContain("Exif").doesNotContain("GPSLatitude").doesNotContain("secret");
    }
    // Kept private until an item is published with it (ImageVisibilityTest).
    assertThat(keys(upload)).allMatch(key -> key.startsWith("private/renditions/")).hasSize(2);
  }

  @Test
  void aSmallTransparentPngKeepsItsSizeAndAlpha() throws Exception {
    byte[] logo = image(300, 200, true, "png");
    JsonNode upload = requestUpload("image/png", logo.length);
    assertThat(put(upload, "image/png", logo)).as("the upload").isEqualTo(200);
    deployment.s3Events().deliverNew();

    JsonNode media = status(upload);
    assertThat(media.get("status").asText()).isEqualTo("ready");
    assertThat(media.get("renditions")).hasSize(1);
    assertThat(media.get("renditions").get(0).get("key").asText()).endsWith("/300.png");
  }

  @Test
  void aTextFileSentAsPngIsRejectedAndNothingIsLeft() throws Exception {
    byte[] text = "not an image at all, just words".getBytes(StandardCharsets.UTF_8);
    JsonNode upload = requestUpload("image/png", text.length);
    put(upload, "image/png", text);
    deployment.s3Events().deliverNew();

    JsonNode media = status(upload);
    assertThat(media.get("status").asText()).isEqualTo("rejected");
    assertThat(media.get("reason").asText()).contains("not a PNG");
    assertThat(keys(upload)).isEmpty();
  }

  @Test
  void aJpegAnnouncedAsPngIsRejected() throws Exception {
    byte[] photo = image(500, 500, false, "jpg");
    JsonNode upload = requestUpload("image/png", photo.length);
    put(upload, "image/png", photo);
    deployment.s3Events().deliverNew();

    assertThat(status(upload).get("reason").asText()).contains("JPEG").contains("not the PNG");
    assertThat(keys(upload)).isEmpty();
  }

  @Test
  void aFileOfAnotherSizeThanAnnouncedNeverBecomesReady() throws Exception {
    byte[] photo = image(500, 500, false, "jpg");
    JsonNode upload = requestUpload("image/jpeg", photo.length + 10);

    int stored = put(upload, "image/jpeg", photo);
    deployment.s3Events().deliverNew();

    // The signed Content-Length makes S3 refuse it; should a store accept it, the media function rejects it.
    JsonNode media = status(upload);
    assertThat(stored == 200 ? media.get("status").asText() : "refused").isIn("rejected", "refused");
    assertThat(media.get("status").asText()).isNotEqualTo("ready");
    assertThat(keys(upload)).isEmpty();
  }

  @Test
  void svgAndOversizedFilesAreRefusedBeforeAnyUpload() {
    APIGatewayV2HTTPResponse svg = admin("POST /admin/media", "/admin/media",
        "{\"contentType\": \"image/svg+xml\", \"size\": 1000, \"fileName\": \"logo.svg\"}");
    APIGatewayV2HTTPResponse huge = admin("POST /admin/media", "/admin/media",
        "{\"contentType\": \"image/jpeg\", \"size\": 10485761}");

    assertThat(svg.getStatusCode()).isEqualTo(400);
    assertThat(json(svg).get("error").get("field").asText()).isEqualTo("contentType");
    assertThat(json(huge).get("error").get("field").asText()).isEqualTo("size");
  }

  @Test
  void anUploadNobodyRequestedIsDeleted() {
    String key = "uploads/11111111-2222-3333-4444-555555555555.jpg";
    s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString("sneaky"));
    deployment.s3Events().deliverNew();

    assertThat(s3.listObjectsV2(r -> r.bucket(bucket).prefix(key)).contents()).isEmpty();
  }

  @Test
  void aPublishedItemShowsItsImageWithAltTextInTheServedLanguage() throws Exception {
    byte[] photo = image(1300, 800, false, "jpg");
    JsonNode upload = requestUpload("image/jpeg", photo.length);
    put(upload, "image/jpeg", photo);
    deployment.s3Events().deliverNew();
    String mediaId = upload.get("mediaId").asText();
    String body = """
        {"translations": {"fr": {"title": "Illustré"}, "en": {"title": "Illustrated"}},
         "images": [{"mediaId": "%s", "alt": {"fr": "Une façade illuminée", "en": "A lit façade"}}]}"""
        .formatted(mediaId);

    APIGatewayV2HTTPResponse created = admin("POST /admin/{kind}", "/admin/news", body);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
    String path = created.getHeaders().get("location");
    admin("POST /admin/{kind}/{id}/publish", path + "/publish", null);

    var event = ApiEvents.request(null, "GET /news/{slug}", "/news/illustrated", null, "accept-language", "fr");
    JsonNode item = json(deployment.functions().invoke("ContentFunction", event));
    JsonNode image = item.get("images").get(0);
    assertThat(image.get("alt").asText()).isEqualTo("Une façade illuminée");
    assertThat(image.get("url").asText()).isEqualTo("http://media.test/renditions/" + mediaId + "/1200.jpg");
    assertThat(image.get("renditions")).extracting(r -> r.get("width").asInt()).containsExactly(400, 1200);
  }

  @Test
  void anImageThatIsNotReadyCannotIllustrateAnItem() {
    JsonNode upload = requestUpload("image/jpeg", 1234);
    String body = "{\"translations\": {\"fr\": {\"title\": \"Trop tôt\"}}, \"images\": [{\"mediaId\": \"%s\"}]}"
        .formatted(upload.get("mediaId").asText());

    APIGatewayV2HTTPResponse response = admin("POST /admin/{kind}", "/admin/news", body);

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(json(response).get("error").get("field").asText()).isEqualTo("images[0].mediaId");
  }

  private static JsonNode requestUpload(String contentType, long size) {
    APIGatewayV2HTTPResponse response = admin("POST /admin/media", "/admin/media",
        "{\"contentType\": \"%s\", \"size\": %d, \"fileName\": \"photo\"}".formatted(contentType, size));
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
    return json(response);
  }

  private static int put(JsonNode upload, String contentType, byte[] bytes) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(upload.get("uploadUrl").asText()))
        .header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }


  private static JsonNode status(JsonNode upload) {
    String id = upload.get("mediaId").asText();
    return json(admin("GET /admin/media/{id}", "/admin/media/" + id, null));
  }

  private static List<String> keys(JsonNode upload) {
    String id = upload.get("mediaId").asText();
    return s3.listObjectsV2(r -> r.bucket(bucket)).contents().stream().map(o -> o.key())
        .filter(key -> key.contains(id)).toList();
  }

  private static APIGatewayV2HTTPResponse admin(String routeKey, String path, String body) {
    return deployment.functions().invoke("AdminFunction", ApiEvents.request(editor("lyon"), routeKey, path, body));
  }

  private static JsonNode json(APIGatewayV2HTTPResponse response) {
    try {
      return Json.MAPPER.readTree(response.getBody());
    } catch (Exception e) {
      throw new AssertionError("Not JSON: " + response.getBody(), e);
    }
  }

  static byte[] image(int width, int height, boolean alpha, String format) throws Exception {
    var image = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(new Color(30, 90, 160, alpha ? 128 : 255));
    g.fillRect(0, 0, width / 2, height);
    g.setColor(Color.ORANGE);
    g.fillOval(width / 4, height / 4, width / 2, height / 2);
    g.dispose();
    var out = new ByteArrayOutputStream();
    ImageIO.write(image, format, out);
    return out.toByteArray();
  }

  /** A JPEG with an Exif segment naming a GPS position and a comment, as phones write them. */
  static byte[] withMetadata(byte[] jpeg) {
    byte[] exif = "Exif\0\0MM GPSLatitude 45.7640N GPSLongitude 4.8357E secret-camera-serial".getBytes(
        StandardCharsets.ISO_8859_1);
    byte[] comment = "secret comment".getBytes(StandardCharsets.ISO_8859_1);
    var out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    segment(out, 0xE1, exif);
    segment(out, 0xFE, comment);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
    out.write(0xFF);
    out.write(marker);
    int length = payload.length + 2;
    out.write(length >> 8);
    out.write(length & 0xFF);
    out.write(payload, 0, payload.length);
  }
}
