package org.mediaartscities.applications;

import java.util.List;
import org.mediaartscities.shared.json.Json;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/** The records of an application's files ({@code sk = FILE#{file id}}); their bytes are in the bucket. */
public final class ApplicationFileStore {

  private final DynamoDbTable<ApplicationRow> table;

  ApplicationFileStore(DynamoDbTable<ApplicationRow> table) {
    this.table = table;
  }

  /** Writes (or replaces) a file's record; it expires with its application. */
  public void put(Application application, ApplicationFile file) {
    table.putItem(new ApplicationRow(ApplicationRow.applicationPk(application.id()),
        ApplicationRow.FILE_PREFIX + file.id(), null, null, Json.write(file), null, null,
        ApplicationStore.expiry(application)));
  }

  public List<ApplicationFile> of(String applicationId) {
    return table.query(QueryConditional.sortBeginsWith(k -> k
            .partitionValue(ApplicationRow.applicationPk(applicationId)).sortValue(ApplicationRow.FILE_PREFIX)))
        .items().stream().map(row -> Json.read(row.doc(), ApplicationFile.class)).toList();
  }

  public void delete(ApplicationFile file) {
    table.deleteItem(Key.builder().partitionValue(ApplicationRow.applicationPk(file.applicationId()))
        .sortValue(ApplicationRow.FILE_PREFIX + file.id()).build());
  }
}
