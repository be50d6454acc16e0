// Viewer request of the site's /api/* behaviour (CloudFront Functions, cloudfront-js-2.0): the pages call the API on
// their own origin (no CORS preflight), and the API's routes have no prefix, so /api goes before the request leaves.
function handler(event) {
  var request = event.request;
  request.uri = request.uri.length > 4 ? request.uri.substring(4) : '/';
  return request;
}
