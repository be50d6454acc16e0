package org.mediaartscities.applications.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.applications.ApplicationsTable;
import org.mediaartscities.applications.ApplicationsTestBed;
import org.mediaartscities.applications.Footprint;

/** ApplicationFilesFunction's SnapStart hooks: the reads and the cleaning once, nothing stored, deleted or sent. */
class FileCheckPrimingTest {

  private static ApplicationsTestBed bed;

  @BeforeAll
  static void deploy() {
    bed = new ApplicationsTestBed(FileCheckPrimingTest.class);
  }

  @Test
  void primingFindsNoFileForTheImpossibleApplicationCleansTheSampleAndStoresNothing() {
    ApplicationsTable table = bed.table();
    var priming = new FileCheckPriming(table.applications(), table.files());
    Footprint before = Footprint.of(bed.deployment);

    priming.beforeCheckpoint(null);

    assertThat(priming.failure()).isNull();
    assertThat(priming.announced()).isEmpty();
    assertThat(priming.application()).isEmpty();
    assertThat(priming.copy()).isNotEmpty();
    assertThat(before.items().get("ContentTable")).isPositive();
    assertThat(Footprint.of(bed.deployment)).isEqualTo(before);
  }
}
