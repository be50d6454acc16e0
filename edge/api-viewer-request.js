// Viewer request of the API's cached behaviours (CloudFront Functions, cloudfront-js-2.0). The cache key
// holds Accept-Language, reduced here to the supported primary tags, best first, at most three: browsers'
// many spellings ("fr-FR,fr;q=0.9,en-US;q=0.8") share one cached copy, and a "ko, ja" visitor still gets
// the Japanese text of an item that has no Korean. A lang parameter wins over the header in the API and is
// in the cache key already (the query string): the header is then dropped.
var SUPPORTED = ['en', 'fr', 'es', 'pt', 'de', 'it', 'ko', 'ja', 'zh', 'he', 'ka', 'sk', 'da', 'nb'];
var MAX_LANGUAGES = 3;

function rankedLanguages(header) {
  var entries = [];
  var parts = header.split(',');
  for (var i = 0; i < parts.length; i++) {
    var pieces = parts[i].split(';');
    var primary = pieces[0].trim().split('-')[0].toLowerCase();
    var q = 1;
    for (var p = 1; p < pieces.length; p++) {
      var param = pieces[p].trim();
      if (param.indexOf('q=') === 0) {
        q = Number(param.substring(2));
      }
    }
    if (SUPPORTED.indexOf(primary) >= 0 && q > 0 && q <= 1) {
      entries.push({tag: primary, q: q, position: i});
    }
  }
  entries.sort(function (a, b) { return b.q - a.q || a.position - b.position; });
  var ranked = [];
  for (var e = 0; e < entries.length && ranked.length < MAX_LANGUAGES; e++) {
    if (ranked.indexOf(entries[e].tag) < 0) {
      ranked.push(entries[e].tag);
    }
  }
  return ranked;
}

function handler(event) {
  var request = event.request;
  var headers = request.headers;
  var header = headers['accept-language'];
  var ranked = request.querystring.lang || !header ? [] : rankedLanguages(header.value);
  if (ranked.length > 0) {
    headers['accept-language'] = {value: ranked.join(',')};
  } else {
    delete headers['accept-language'];
  }
  return request;
}
