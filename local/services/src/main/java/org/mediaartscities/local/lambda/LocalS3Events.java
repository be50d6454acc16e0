package org.mediaartscities.local.lambda;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mediaartscities.local.aws.LocalAws;
import org.mediaartscities.local.template.LocalResolver;
import org.mediaartscities.local.template.Template;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * S3 event notifications, which the local S3 server does not send: for each {@code S3} event a function declares in
 * template.yaml, objects that appeared in its bucket (matching its key filter) are delivered to the function as
 * the {@link S3Event} AWS would send. The dev server calls {@link #deliverNew()} twice a second; tests call it
 * when they want delivery to happen.
 */
public final class LocalS3Events {

  private final Template template;
  private final LocalResolver resolver;
  private final LocalFunctions functions;
  private final S3Client s3;
  private final Map<String, String> seen = new ConcurrentHashMap<>();

  public LocalS3Events(Template template, LocalResolver resolver, LocalFunctions functions, S3Client s3) {
    this.template = template;
    this.resolver = resolver;
    this.functions = functions;
    this.s3 = s3;
  }

  /** Delivers one event per object created since the last call; returns how many. */
  public synchronized int deliverNew() {
    int delivered = 0;
    for (Template.S3Subscription subscription : template.s3Subscriptions()) {
      if (subscription.events().stream().noneMatch(e -> e.startsWith("s3:ObjectCreated"))) {
        continue;
      }
      String bucket = resolver.physicalName(subscription.bucketId());
      for (S3Object object : list(bucket, subscription.prefix())) {
        String id = bucket + "/" + object.key();
        if (object.eTag().equals(seen.get(id))
            || (subscription.suffix() != null && !object.key().endsWith(subscription.suffix()))) {
          continue;
        }
        seen.put(id, object.eTag());
        // The event carries the object's ETag as a GET sees it (AWS's events do): S3Proxy's listing can spell it
        // otherwise, which would make a check that reads with If-Match on it fail for nothing.
        S3Object current;
        try {
          current = object.toBuilder().eTag(s3.headObject(r -> r.bucket(bucket).key(object.key())).eTag()).build();
        } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
          continue; // deleted since the listing: no event for it
        }
        functions.invoke(subscription.functionId(), event(subscription, bucket, current));
        delivered++;
      }
    }
    return delivered;
  }

  private List<S3Object> list(String bucket, String prefix) {
    var objects = new ArrayList<S3Object>();
    s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().forEach(objects::add);
    return objects;
  }

  private static S3Event event(Template.S3Subscription subscription, String bucket, S3Object object) {
    // As AWS sends it: the key URL-encoded (spaces as '+'), the ETag without quotes.
    String key = URLEncoder.encode(object.key(), StandardCharsets.UTF_8).replace("%2F", "/");
    var s3 = new S3EventNotification.S3Entity(subscription.name(),
        new S3EventNotification.S3BucketEntity(bucket, new S3EventNotification.UserIdentityEntity("local"),
            "arn:aws:s3:::" + bucket),
        new S3EventNotification.S3ObjectEntity(key, object.size(), object.eTag().replace("\"", ""), null,
            Long.toHexString(System.nanoTime())),
        "1.0");
    var record = new S3EventNotification.S3EventNotificationRecord(LocalAws.REGION, "ObjectCreated:Put", "aws:s3",
        Instant.now().toString(), "2.1", new S3EventNotification.RequestParametersEntity("127.0.0.1"),
        new S3EventNotification.ResponseElementsEntity("local", "local"), s3,
        new S3EventNotification.UserIdentityEntity("local"));
    return new S3Event(List.of(record));
  }
}
