package org.mediaartscities.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.mediaartscities.local.aws.LocalAws;
import org.mediaartscities.local.lambda.LocalFunctions;
import org.mediaartscities.local.lambda.LocalS3Events;
import org.mediaartscities.local.lambda.LocalSecretsExtension;
import org.mediaartscities.local.lambda.LocalSqsEvents;
import org.mediaartscities.local.template.LocalResolver;
import org.mediaartscities.local.template.LocalResources;
import org.mediaartscities.local.template.LocalSecrets;
import org.mediaartscities.local.template.Template;
import org.mediaartscities.local.template.TemplateLoader;

/**
 * template.yaml deployed on the local services: its tables, buckets and queues created, its functions ready to
 * invoke with their own environment. The dev server runs one; tests deploy one per class, under a name prefix.
 */
public record LocalDeployment(
    Template template, LocalResolver resolver, LocalFunctions functions, LocalAws aws, List<String> resources,
    LocalS3Events s3Events, LocalSqsEvents sqsEvents) {

  /**
   * @param secrets where the template's generated secrets are kept
   * @param namePrefix before every resource name; empty for the dev server
   */
  public static LocalDeployment deploy(Path templateFile, LocalAws aws, Map<String, String> parameters,
      LocalSecrets secrets, String namePrefix) {
    Template template = TemplateLoader.load(templateFile);
    var resolver = new LocalResolver(template, parameters, secrets, aws.sqsEndpoint().toString(), namePrefix);
    List<String> resources = LocalResources.create(template, resolver, aws.clients());
    var functions = new LocalFunctions(template, resolver, aws.environment(), LocalSecretsExtension.start(resolver));
    return new LocalDeployment(template, resolver, functions, aws, resources,
        new LocalS3Events(template, resolver, functions, aws.clients().s3()),
        new LocalSqsEvents(template, resolver, functions, aws.clients().sqs()));
  }

  /** A throw-away deployment on the JVM's shared in-memory services, with resources named after {@code owner}. */
  public static LocalDeployment forTests(Class<?> owner) {
    return forTests(owner, Map.of());
  }

  /** The same, with some of the template's parameters set. */
  public static LocalDeployment forTests(Class<?> owner, Map<String, String> parameters) {
    var values = new java.util.HashMap<>(Map.of("MediaBaseUrl", "http://media.test"));
    values.putAll(parameters);
    return deploy(RepoPaths.template(), LocalAws.shared(), values, new LocalSecrets(null),
        owner.getSimpleName() + "-");
  }

  /** The local name of a table, bucket or queue the template declares. */
  public String name(String logicalId) {
    return resolver.physicalName(logicalId);
  }
}
