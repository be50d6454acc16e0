package org.mediaartscities.applications;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.mediaartscities.shared.content.ContentItem;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Writes a call's ZIP: {@code applications.csv} (the same as the CSV export) and, per submitted application, a
 * folder named after its reference holding its checked files, {@code LYO-2026-0042/portfolio/works.pdf}. Files are
 * streamed from S3 one at a time; withdrawn applications and rejected files are left out.
 */
final class CallArchive {

  /** What went into a ZIP. */
  record Contents(int applications, int files) {}

  private final ApplicationStore store;
  private final S3Client s3;
  private final String bucket;

  CallArchive(ApplicationStore store, S3Client s3, String bucket) {
    this.store = store;
    this.s3 = s3;
    this.bucket = bucket;
  }

  Contents write(ContentItem call, OutputStream out) throws IOException {
    List<ApplicationStore.Reviewed> all = store.byCall(call.id());
    List<Application> submitted = all.stream().map(r -> r.stored().application())
        .filter(a -> a.submittedAt() != null && a.status() != Application.Status.WITHDRAWN)
        .sorted(Comparator.comparing(Application::reference)).toList();
    int files = 0;
    try (var zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      zip.putNextEntry(new ZipEntry("applications.csv"));
      zip.write(CsvExport.of(call, all).getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      for (Application application : submitted) {
        Set<String> names = new HashSet<>();
        for (ApplicationFile file : store.files(application.id())) {
          if (file.status() != ApplicationFile.Status.READY) {
            continue;
          }
          zip.putNextEntry(new ZipEntry(unique(names, application.reference() + "/" + file.fieldId() + "/"
              + safeName(file))));
          try (InputStream bytes = s3.getObject(r -> r.bucket(bucket).key(file.key()))) {
            bytes.transferTo(zip);
          }
          zip.closeEntry();
          files++;
        }
      }
    }
    return new Contents(submitted.size(), files);
  }

  /** The applicant's file name without anything that could climb out of its folder or confuse an unzipper. */
  static String safeName(ApplicationFile file) {
    String name = file.fileName() == null ? file.id() : file.fileName();
    name = name.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}:*?\"<>|]", "_").strip();
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
