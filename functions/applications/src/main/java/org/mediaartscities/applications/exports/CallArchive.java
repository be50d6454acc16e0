package org.mediaartscities.applications.exports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.mediaartscities.applications.Application;
import org.mediaartscities.applications.ApplicationFile;
import org.mediaartscities.applications.ApplicationFileStore;
import org.mediaartscities.applications.CsvExport;
import org.mediaartscities.applications.ReviewStore;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.i18n.LanguagePreference;
import org.mediaartscities.shared.text.FieldRules;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Writes a call's ZIP: {@code applications.csv} (the same as the CSV export) and, per submitted application, a
 * folder named after its reference holding its checked files, named by the server after their question and the type
 * the check verified, in the order they were added: {@code LYO-2026-0042/portfolio-1.pdf}. Nothing of an applicant's
 * file name reaches an entry's name (a name such as {@code cv\u202Efdp.hta} would show as a PDF and open as an HTML
 * application). Files are streamed from S3 one at a time; drafts, withdrawn applications and rejected files are left
 * out. Editors' export: the checked original files.
 */
final class CallArchive {

  /** What went into a ZIP. */
  record Contents(int applications, int files) {}

  private final ReviewStore reviews;
  private final ApplicationFileStore files;
  private final S3Client s3;
  private final String bucket;

  CallArchive(ReviewStore reviews, ApplicationFileStore files, S3Client s3, String bucket) {
    this.reviews = reviews;
    this.files = files;
    this.s3 = s3;
    this.bucket = bucket;
  }

  /**
   * Streams the ZIP: one pass over the call's submitted applications, page by page, each application's files as it
   * comes; the CSV of the same applications is the last entry.
   */
  Contents write(ContentItem call, OutputStream out) throws IOException {
    // Built in the background, for whoever downloads it: the call's own language, when the CSV can be written in it.
    var csv = new CsvExport(call, CsvExport.language(call, new LanguagePreference(java.util.List.of())));
    int[] fileCount = {0};
    try (var zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      try {
        reviews.eachSubmitted(call.id(), reviewed -> {
          csv.add(reviewed);
          try {
            fileCount[0] += writeFiles(zip, reviewed.application());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      zip.putNextEntry(new ZipEntry("applications.csv"));
      zip.write(csv.text().getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return new Contents(csv.rows(), fileCount[0]);
  }

  private int writeFiles(ZipOutputStream zip, Application application) throws IOException {
    List<ApplicationFile> ready = new ArrayList<>(files.of(application.id()).stream()
        .filter(f -> f.status() == ApplicationFile.Status.READY).toList());
    ready.sort(Comparator.comparing(ApplicationFile::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparing(ApplicationFile::id));
    var counts = new HashMap<String, Integer>();
    for (ApplicationFile file : ready) {
      int n = counts.merge(file.fieldId(), 1, Integer::sum);
      zip.putNextEntry(new ZipEntry(folder(application) + "/" + entryName(file, n)));
      try (InputStream bytes = s3.getObject(r -> r.bucket(bucket).key(file.checkedKey()))) {
        bytes.transferTo(zip);
      }
      zip.closeEntry();
    }
    return ready.size();
  }

  // Submitted applications all have a receipt number; the id stands in should one lack it.
  private static String folder(Application application) {
    return application.reference() != null ? application.reference() : application.id();
  }

  /** {@code portfolio-1.pdf}; a question id is a slug (the admin API's rule), but older data is not trusted. */
  static String entryName(ApplicationFile file, int n) {
    return FieldRules.isSlug(file.fieldId()) ? file.serverName(n) : "file-" + file.id() + "-" + n;
  }
}
