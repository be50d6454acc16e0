package org.mediaartscities.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.mediaartscities.local.aws.LocalAws;
import org.mediaartscities.local.lambda.LocalFunctions;
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
    Template template, LocalResolver resolver, LocalFunctions functions, LocalAws aws, List<String> resources) {

  /**
   * @param secrets where the template's generated secrets are kept
   * @param namePrefix before every resource name; empty for the dev server
   */
  public static LocalDeployment deploy(Path templateFile, LocalAws aws, Map<String, String> parameters,
      LocalSecrets secrets, String namePrefix) {
    Template template = TemplateLoader.load(templateFile);
    var resolver = new LocalResolver(template, parameters, secrets, aws.sqsEndpoint().toString(), namePrefix);
    List<String> resources = LocalResources.create(template, resolver, aws.clients());
    return new LocalDeployment(template, resolver, new LocalFunctions(template, resolver, aws.environment()), aws,
        resources);
  }

  /** A throw-away deployment on the JVM's shared in-memory services, with resources named after {@code owner}. */
  public static LocalDeployment forTests(Class<?> owner) {
    return deploy(RepoPaths.template(), LocalAws.shared(), Map.of(), new LocalSecrets(null),
        owner.getSimpleName() + "-");
  }

  /** The local name of a table, bucket or queue the template declares. */
  public String name(String logicalId) {
    return resolver.physicalName(logicalId);
  }
}
