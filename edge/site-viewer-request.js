// Viewer request of the site's pages (CloudFront Functions, cloudfront-js-2.0): what the dev server's SiteRoutes
// does with web/routes.json, at the edge. A page whose address is not its file (/calls/{slug}/apply) is served
// from its file (/apply.html); a folder from its index.html; a folder named without its slash is redirected to it.
// ROUTES is web/routes.json's list, copied (SiteEdgeTest keeps the two equal); {slug} is one segment of lower-case
// letters, digits and hyphens, and the first match wins.
var ROUTES = [
  ['/news/', '/list.html'],
  ['/events/', '/list.html'],
  ['/calls/', '/list.html'],
  ['/projects/', '/list.html'],
  ['/city-to-city/', '/list.html'],
  ['/calls/{slug}/apply', '/apply.html'],
  ['/news/{slug}', '/item.html'],
  ['/events/{slug}', '/item.html'],
  ['/calls/{slug}', '/item.html'],
  ['/projects/{slug}', '/item.html'],
  ['/city-to-city/{slug}', '/item.html'],
  ['/cities/{slug}', '/city.html'],
  ['/newsletter/confirm', '/newsletter/confirm.html'],
  ['/newsletter/preferences', '/newsletter/preferences.html'],
  ['/newsletter/unsubscribe', '/newsletter/unsubscribe.html'],
  ['/console/callback', '/console/callback.html']
];
var SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function segments(path) {
  return path.split('/').filter(function (s) { return s.length > 0; });
}

function routeFile(uri) {
  var path = segments(uri);
  var slash = uri.length > 1 && uri.charAt(uri.length - 1) === '/';
  for (var r = 0; r < ROUTES.length; r++) {
    var pattern = segments(ROUTES[r][0]);
    var patternSlash = ROUTES[r][0].length > 1 && ROUTES[r][0].charAt(ROUTES[r][0].length - 1) === '/';
    if (pattern.length !== path.length || patternSlash !== slash) {
      continue;
    }
    var matches = true;
    for (var i = 0; i < path.length && matches; i++) {
      matches = pattern[i] === '{slug}' ? SLUG.test(path[i]) : pattern[i] === path[i];
    }
    if (matches) {
      return ROUTES[r][1];
    }
  }
  return null;
}

function handler(event) {
  var request = event.request;
  var uri = request.uri;
  var file = routeFile(uri);
  if (file !== null) {
    request.uri = file;
    return request;
  }
  if (uri.charAt(uri.length - 1) === '/') {
    request.uri = uri + 'index.html';
    return request;
  }
  var last = uri.substring(uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') < 0) {
    // No route and no extension: a folder named without its slash (a missing one answers 404 after the redirect).
    var query = [];
    for (var name in request.querystring) {
      query.push(name + '=' + request.querystring[name].value);
    }
    return {statusCode: 301, statusDescription: 'Moved Permanently',
      headers: {location: {value: uri + '/' + (query.length ? '?' + query.join('&') : '')}}};
  }
  return request;
}
