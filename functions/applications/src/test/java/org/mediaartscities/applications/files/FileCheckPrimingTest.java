package org.mediaartscities.applications.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.applications.ApplicationsTable;
import org.mediaartscities.applications.ApplicationsTestBed;
import org.mediaartscities.local.aws.StoreFootprint;

/** ApplicationFilesFunction's SnapStart hooks: the reads and the cleaning (of an image and a PDF) once, nothing stored, deleted or sent. */
class FileCheckPrimingTest {

  private static ApplicationsTestBed bed;

  @BeforeAll
  static void deploy() {
    bed = new ApplicationsTestBed(FileCheckPrimingTest.class);
  }

  @Test
  void primingFindsNoFileForTheImpossibleApplicationCleansTheSampleAndStoresNothing() throws Exception {
    ApplicationsTable table = bed.table();
    var priming = new FileCheckPriming(table.applications(), table.files());
    StoreFootprint before = StoreFootprint.of(bed.deployment.aws());

    priming.beforeCheckpoint(null);

    assertThat(priming.failure()).isNull();
    assertThat(priming.announced()).isEmpty();
    assertThat(priming.application()).isEmpty();
    assertThat(priming.copy()).isNotEmpty();
    try (PDDocument copy = Loader.loadPDF(priming.pdfCopy())) {
      assertThat(copy.getDocumentInformation().getAuthor()).isNull();
      assertThat(copy.getDocumentCatalog().getMetadata()).isNull();
      assertThat(copy.getPage(0).getResources().getFontNames()).extracting(COSName::getName).containsExactly("F1");
    }
    assertThat(before.itemsIn(bed.deployment.name("ContentTable"))).isPositive();
    assertThat(StoreFootprint.of(bed.deployment.aws())).isEqualTo(before);
  }
}
