package org.mediaartscities.applications;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mediaartscities.local.LocalDeployment;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What a deployment holds and has sent: every table's item count, every bucket's keys, every queue's messages and
 * the mails in the outbox. Two equal footprints around a call say that it stored nothing and sent nothing.
 */
public record Footprint(Map<String, Integer> items, Map<String, List<String>> keys, Map<String, Integer> messages,
    long mails) {

  public static Footprint of(LocalDeployment deployment) {
    var clients = deployment.aws().clients();
    var items = new TreeMap<String, Integer>();
    for (String table : deployment.template().resourcesOfType("AWS::DynamoDB::Table")) {
      items.put(table, clients.dynamoDb().scanPaginator(r -> r.tableName(deployment.name(table)))
          .stream().mapToInt(page -> page.count()).sum());
    }
    var keys = new TreeMap<String, List<String>>();
    for (String bucket : deployment.template().resourcesOfType("AWS::S3::Bucket")) {
      keys.put(bucket, clients.s3().listObjectsV2Paginator(r -> r.bucket(deployment.name(bucket))).contents()
          .stream().map(object -> object.key()).sorted().toList());
    }
    var messages = new TreeMap<String, Integer>();
    for (String queue : deployment.template().resourcesOfType("AWS::SQS::Queue")) {
      String url = clients.sqs().getQueueUrl(r -> r.queueName(deployment.name(queue))).queueUrl();
      Map<QueueAttributeName, String> counts = clients.sqs().getQueueAttributes(r -> r.queueUrl(url)
          .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
              QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
      messages.put(queue, counts.values().stream().mapToInt(Integer::parseInt).sum());
    }
    return new Footprint(items, keys, messages, deployment.aws().outbox().count());
  }
}
