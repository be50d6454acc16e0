package org.mediaartscities.applications.selection;

import java.util.Optional;
import org.mediaartscities.applications.ApplicationStore;
import org.mediaartscities.shared.auth.Caller;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.shared.http.ApiException;
import org.mediaartscities.shared.http.ApiRequest;

/** The call or application an admin route names by id (404 for anything else), and who may review it. */
final class Lookup {

  private final SelectionConfig config;

  Lookup(SelectionConfig config) {
    this.config = config;
  }

  ContentItem call(String id) {
    return (id.length() <= 64 ? config.calls().item(id) : Optional.<ContentItem>empty())
        .filter(item -> item.kind() == Kind.CALL && item.call() != null && item.call().form() != null)
        .orElseThrow(() -> ApiException.notFound("No call with id '" + id + "' that takes applications."));
  }

  ApplicationStore.Stored application(String id) {
    return (id.matches("[0-9a-f-]{36}") ? config.applications().get(id) : Optional.<ApplicationStore.Stored>empty())
        .orElseThrow(() -> ApiException.notFound("No application '" + id + "'."));
  }

  /** The caller reviewing {@code call}: its jury, its city editors or an admin (403 for anyone else). */
  JuryAccess reviewing(Caller caller, ContentItem call) {
    return JuryAccess.toReview(caller, call, config.calls()::jury);
  }
}
