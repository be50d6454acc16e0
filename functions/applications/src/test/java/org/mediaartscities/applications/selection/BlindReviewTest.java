package org.mediaartscities.applications.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.applications.ApplicationsTestBed.download;
import static org.mediaartscities.applications.ApplicationsTestBed.json;
import static org.mediaartscities.applications.JuryFixtures.juror;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.applications.Application;
import org.mediaartscities.applications.ApplicationFile;
import org.mediaartscities.applications.ApplicationsTestBed;
import org.mediaartscities.applications.JuryFixtures;
import org.mediaartscities.local.lambda.ApiEvents;
import org.mediaartscities.shared.content.ApplicationForm;
import org.mediaartscities.shared.content.ContentItem;

/**
 * Blind review that is blind: on a blind call reviewers see no name, email, team or original file name, and
 * download copies of the files without the metadata that names their author; editors keep everything.
 */
class BlindReviewTest {

  private static final String ANA = "ana@example.org";
  private static final String AUTHOR = "Jane Doe";

  private static ApplicationsTestBed bed;
  private static JuryFixtures fixtures;
  private static ContentItem blind;
  private static ContentItem open;

  @BeforeAll
  static void deploy() {
    bed = new ApplicationsTestBed(BlindReviewTest.class);
    fixtures = new JuryFixtures(bed);
    ApplicationForm form = JuryFixtures.FORM;
    blind = fixtures.call("blind-call", "lyon", new ApplicationForm(form.fields(), true, 0, form.criteria(), true));
    open = fixtures.call("open-review-call", "lyon", form);
    fixtures.jury(blind, ANA);
    fixtures.jury(open, ANA);
  }

  @Test
  void reviewersOfABlindCallSeeNoIdentityAndNeutralFileNames() throws Exception {
    Application application = fixtures.submitted(blind, "jane.doe@example.org");
    fixtures.upload(application, "portfolio", "Jane_Doe_CV.pdf", "application/pdf", pdfWithAuthor());
    fixtures.upload(application, "portfolio", "Jane Doe at work.jpg", "image/jpeg", jpegWithExif());

    JsonNode view = json(detail(juror(ANA), application));
    JsonNode list = json(bed.admin(juror(ANA), "GET /admin/calls/{id}/applications", "/admin/calls/" + blind.id()
        + "/applications", null));

    assertThat(view.get("blindReview").asBoolean()).isTrue();
    for (String hidden : List.of("name", "email", "team", "language")) {
      assertThat(view.has(hidden)).as(hidden).isFalse();
    }
    assertThat(view.get("files").findValuesAsText("fileName")).containsExactly("portfolio-1.pdf", "portfolio-2.jpg");
    assertThat(view.toString()).doesNotContain("Jane").doesNotContain("jane.doe").doesNotContain("Aya");
    assertThat(list.get("blindReview").asBoolean()).isTrue();
    assertThat(list.toString()).doesNotContain("jane.doe").doesNotContain("Aya");
    assertThat(view.get("files").findValuesAsText("downloadUrl")).allMatch(url -> url.contains("/reviewers/"));
  }

  @Test
  void reviewersDownloadAPdfWithoutItsAuthorNorXmpAndAJpegWithoutExif() throws Exception {
    Application application = fixtures.submitted(blind, "metadata@example.org");
    byte[] pdf = pdfWithAuthor();
    byte[] jpeg = jpegWithExif();
    assertThat(contains(pdf, AUTHOR)).as("the fixture names its author").isTrue();
    assertThat(contains(jpeg, AUTHOR)).as("the fixture names its author").isTrue();
    fixtures.upload(application, "portfolio", "cv.pdf", "application/pdf", pdf);
    fixtures.upload(application, "portfolio", "photo.jpg", "image/jpeg", jpeg);

    JsonNode files = json(detail(juror(ANA), application)).get("files");
    byte[] reviewersPdf = download(files.get(0).get("downloadUrl").asText());
    byte[] reviewersJpeg = download(files.get(1).get("downloadUrl").asText());

    try (PDDocument document = Loader.loadPDF(reviewersPdf)) {
      assertThat(document.getNumberOfPages()).isEqualTo(1);
      assertThat(document.getDocumentInformation().getAuthor()).isNull();
      assertThat(document.getDocumentInformation().getTitle()).isNull();
      assertThat(document.getDocumentCatalog().getMetadata()).isNull();
    }
    assertThat(contains(reviewersPdf, AUTHOR)).isFalse();
    assertThat(contains(reviewersJpeg, "Exif")).isFalse();
    assertThat(contains(reviewersJpeg, AUTHOR)).isFalse();
    BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(reviewersJpeg));
    assertThat(image.getWidth()).isEqualTo(32);

    JsonNode editorsFiles = json(detail(ApiEvents.editor("lyon"), application)).get("files");
    assertThat(editorsFiles.findValuesAsText("fileName")).containsExactly("cv.pdf", "photo.jpg");
    assertThat(download(editorsFiles.get(0).get("downloadUrl").asText())).isEqualTo(pdf);
  }

  @Test
  void editorsOfABlindCallSeeTheApplicantAndTheOriginalNames() {
    Application application = fixtures.submitted(blind, "seen.by.editors@example.org");

    JsonNode view = json(detail(ApiEvents.editor("lyon"), application));

    assertThat(view.get("email").asText()).isEqualTo("seen.by.editors@example.org");
    assertThat(view.get("name").asText()).isEqualTo("Aya Tanaka");
    assertThat(view.get("blindReview").asBoolean()).isFalse();
  }

  @Test
  void aFileThatCannotBeCleanedIsRejectedOnABlindCallOnly() {
    byte[] broken = "%PDF-1.4 not really a document".getBytes(StandardCharsets.US_ASCII);
    Application blindOne = fixtures.submitted(blind, "broken.blind@example.org");
    Application openOne = fixtures.submitted(open, "broken.open@example.org");

    ApplicationFile onBlind = fixtures.upload(blindOne, "portfolio", "broken.pdf", "application/pdf", broken);
    ApplicationFile onOpen = fixtures.upload(openOne, "portfolio", "broken.pdf", "application/pdf", broken);

    assertThat(onBlind.status()).isEqualTo(ApplicationFile.Status.REJECTED);
    assertThat(onBlind.reason()).contains("anonymously");
    assertThat(onOpen.status()).isEqualTo(ApplicationFile.Status.READY);
    JsonNode reviewersFile = json(detail(juror(ANA), openOne)).get("files").get(0);
    assertThat(reviewersFile.get("fileName").asText()).isEqualTo("broken.pdf");
  }

  private static com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse detail(
      Map<String, String> claims, Application application) {
    return bed.admin(claims, "GET /admin/applications/{id}", "/admin/applications/" + application.id(), null);
  }

  /** A one-page PDF whose document information and XMP metadata name its author. */
  static byte[] pdfWithAuthor() throws Exception {
    try (var document = new PDDocument()) {
      document.addPage(new PDPage());
      document.getDocumentInformation().setAuthor(AUTHOR);
      document.getDocumentInformation().setTitle("CV of " + AUTHOR);
      var xmp = new PDMetadata(document);
      xmp.importXMPMetadata(("""
          <?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
          <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
          <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>
          <?xpacket end="w"?>""".formatted(AUTHOR)).getBytes(StandardCharsets.UTF_8));
      document.getDocumentCatalog().setMetadata(xmp);
      var out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }

  /** A 32×32 JPEG with an EXIF segment whose Artist tag names its author. */
  static byte[] jpegWithExif() throws Exception {
    var image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
    image.setRGB(3, 3, 0xFF8800);
    var plain = new ByteArrayOutputStream();
    ImageIO.write(image, "jpeg", plain);
    byte[] jpeg = plain.toByteArray();
    byte[] artist = (AUTHOR + "\0").getBytes(StandardCharsets.US_ASCII);
    // TIFF header (big-endian), one IFD entry: Artist (0x013B), ASCII, its text just after the IFD.
    ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4 + artist.length);
    tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8).putShort((short) 1)
        .putShort((short) 0x013B).putShort((short) 2).putInt(artist.length).putInt(26).putInt(0).put(artist);
    byte[] exif = ByteBuffer.allocate(6 + tiff.capacity()).put("Exif\0\0".getBytes(StandardCharsets.US_ASCII))
        .put(tiff.array()).array();
    var out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2); // SOI
    out.write(0xFF);
    out.write(0xE1);
    int length = exif.length + 2;
    out.write(length >> 8);
    out.write(length & 0xFF);
    out.write(exif);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  private static boolean contains(byte[] bytes, String text) {
    return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
  }
}
