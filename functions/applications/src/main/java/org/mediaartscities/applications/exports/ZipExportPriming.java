package org.mediaartscities.applications.exports;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.Optional;
import org.mediaartscities.applications.ExportJobs;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.ContentRepository;
import org.mediaartscities.shared.json.Json;
import org.mediaartscities.shared.snapstart.Priming;

/**
 * ApplicationExportsFunction's SnapStart hooks: the sample SQS event of events/application-exports, asking for an
 * export of the nil UUID (exports and calls are named by random UUIDs), so the handler parses the message, reads the
 * job, finds none and returns, as for an expired job; and the read of that call. Building the ZIP writes to S3 and
 * stays unprimed.
 */
final class ZipExportPriming extends Priming {

  static final String IMPOSSIBLE_ID = "00000000-0000-0000-0000-000000000000";

  private final ZipExportHandler handler;
  private final ContentRepository calls;
  private volatile SQSBatchResponse answer;
  private volatile Optional<ContentItem> call;

  ZipExportPriming(ZipExportHandler handler, ContentRepository calls) {
    super("ApplicationExportsFunction");
    this.handler = handler;
    this.calls = calls;
  }

  @Override
  protected void prime() {
    SQSEvent event = sample("application-exports/export-requested.json", SQSEvent.class);
    event.getRecords().getFirst().setBody(Json.write(new ExportJobs.Message(IMPOSSIBLE_ID, IMPOSSIBLE_ID)));
    answer = handler.handleRequest(event, context());
    call = calls.item(IMPOSSIBLE_ID);
  }

  /** The handler's answer to the priming event, or null before it ran. */
  SQSBatchResponse answer() {
    return answer;
  }

  /** The impossible call (absent), or null before priming. */
  Optional<ContentItem> call() {
    return call;
  }
}
