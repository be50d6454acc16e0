package org.mediaartscities.applications.selection;

import java.util.Map;
import java.util.Optional;
import org.mediaartscities.applications.ApplicationStore;
import org.mediaartscities.shared.auth.Caller;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.shared.http.ApiException;
import org.mediaartscities.shared.http.ApiRequest;
import org.mediaartscities.shared.i18n.LanguagePreference;
import org.mediaartscities.shared.i18n.LanguageTags;

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

  /** The languages the caller reads, as the public API takes them: {@code lang}, else {@code Accept-Language}. */
  static LanguagePreference languages(ApiRequest request) {
    Optional<String> lang = request.query("lang").map(raw -> LanguageTags.canonical(raw).orElseThrow(() ->
        ApiException.invalid("lang", "'lang' must be a language tag such as fr, en or pt-BR.")));
    return LanguagePreference.of(lang, request.header("accept-language").orElse(null));
  }

  /** A call's title in the caller's language, by the public API's fallbacks (its slug if it has none). */
  static String title(ContentItem call, LanguagePreference languages) {
    var translation = call.translations().get(languages.choose(call.translations().keySet(),
        call.originalLanguage()));
    return translation == null || translation.title() == null ? call.slug() : translation.title();
  }

  /** One text among its translations, in the caller's language by the public API's fallbacks; null for none. */
  static String text(Map<String, String> texts, LanguagePreference languages, String original) {
    return texts == null || texts.isEmpty() ? null : texts.get(languages.choose(texts.keySet(), original));
  }
}
