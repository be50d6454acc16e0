package org.mediaartscities.admin;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.mediaartscities.shared.auth.Caller;
import org.mediaartscities.shared.content.ApplicationForm;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.EditorialItem;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.shared.http.ApiException;
import org.mediaartscities.shared.http.ApiRequest;
import org.mediaartscities.shared.http.ApiResponse;
import org.mediaartscities.shared.http.JsonBody;
import org.mediaartscities.shared.json.Json;

/**
 * A call's application form, for the call's city editors and admins. The form is part of the call item, so its
 * ETag is the item's version, and a save is one more item version with its history entry. Each save also numbers
 * the form itself (version + 1): applications keep a copy of the form version they were created against, so a
 * later change orphans none of their answers or reviews.
 */
final class FormEditing {

  /** DynamoDB stores at most 400 KB per item; what is left is for keys and the editorial state. */
  static final int MAX_ITEM_BYTES = 380_000;

  private final StoredItems items;

  FormEditing(StoredItems items) {
    this.items = items;
  }

  ApiResponse get(ApiRequest request) {
    EditorialItem call = items.editable(request, Caller.from(request), Kind.CALL);
    ApplicationForm form = call.item().call().form();
    if (form == null) {
      throw new ApiException(404, "no_form", "This call has no application form yet: PUT one, with If-Match \""
          + call.version() + "\".", null);
    }
    return respond(form, call.version(), 200);
  }

  ApiResponse put(ApiRequest request) {
    Caller caller = Caller.from(request);
    EditorialItem current = items.editable(request, caller, Kind.CALL);
    long expected = StoredItems.expectedVersion(request, current, true);
    ContentItem old = current.item();
    ApplicationForm checked = FormRules.form(JsonBody.parse(request, FormInput.class), old.originalLanguage());
    ApplicationForm previous = old.call().form();
    ApplicationForm form = checked.withVersion(previous == null ? 1 : previous.version() + 1);
    ContentItem item = old.withCall(old.call().withForm(form));
    int bytes = Json.write(item).getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_ITEM_BYTES) {
      throw new ApiException(413, "payload_too_large", "The call and its form together take " + bytes / 1024
          + " KB; one call holds at most " + MAX_ITEM_BYTES / 1024 + " KB. Shorten help texts or drop languages.",
          "fields");
    }
    EditorialItem saved = items.replace(current, item, expected, current.editorial().changed(items.now(),
        caller.subject()), false, "form", List.of("form"), caller);
    return respond(form, saved.version(), 200);
  }

  private static ApiResponse respond(ApplicationForm form, long itemVersion, int status) {
    return ApiResponse.json(form, StoredItems.NO_CACHE).withStatus(status)
        .withHeader("etag", StoredItems.etag(itemVersion));
  }
}
