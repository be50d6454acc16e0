package org.mediaartscities.applications.exports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
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
 * folder named after its reference holding its checked files, {@code LYO-2026-0042/portfolio/works.pdf}. Files are
 * streamed from S3 one at a time; drafts, withdrawn applications and rejected files are left out. Editors' export:
 * the original files.
 */
final class CallArchive {

  /** What went into a ZIP. */
  record Contents(int applications, int files) {}

  // What Windows and some unzippers refuse or read as a path or a wildcard, beyond what FieldRules removes.
  private static final Pattern UNZIPPABLE = Pattern.compile("[:*?\"<>|]");

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
    Set<String> names = new HashSet<>();
    int count = 0;
    for (ApplicationFile file : files.of(application.id())) {
      if (file.status() != ApplicationFile.Status.READY) {
        continue;
      }
      zip.putNextEntry(new ZipEntry(unique(names, folder(application) + "/" + file.fieldId() + "/"
          + safeName(file))));
      try (InputStream bytes = s3.getObject(r -> r.bucket(bucket).key(file.key()))) {
        bytes.transferTo(zip);
      }
      zip.closeEntry();
      count++;
    }
    return count;
  }

  // Submitted applications all have a receipt number; the id stands in should one lack it.
  private static String folder(Application application) {
    return application.reference() != null ? application.reference() : application.id();
  }

  /** The applicant's file name without anything that could climb out of its folder or confuse an unzipper. */
  static String safeName(ApplicationFile file) {
    String name = file.fileName() == null ? file.id() : file.fileName();
    name = UNZIPPABLE.matcher(FieldRules.fileName(name)).replaceAll("_");
    return name.isEmpty() || name.equals(".") || name.equals("..") ? file.id() : name;
  }

  private static String unique(Set<String> names, String name) {
    String candidate = name;
    for (int i = 2; !names.add(candidate); i++) {
      int dot = name.lastIndexOf('.');
      candidate = dot > name.lastIndexOf('/') ? name.substring(0, dot) + "-" + i + name.substring(dot)
          : name + "-" + i;
    }
    return candidate;
  }
}
