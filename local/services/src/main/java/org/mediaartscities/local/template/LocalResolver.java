package org.mediaartscities.local.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mediaartscities.local.aws.LocalAws;

/**
 * Resolves the template's values as CloudFormation would for a local deployment: parameters take their
 * defaults (or overrides), {@code Ref}/{@code Fn::GetAtt}/{@code Fn::Sub}/{@code Fn::Join} name local
 * resources, and {@code {{resolve:secretsmanager:...}}} reads a local secret.
 */
public final class LocalResolver {

  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]+)}");
  private static final Pattern SECRET_REFERENCE = Pattern.compile("\\{\\{resolve:secretsmanager:([^}]+)}}");

  private final Template template;
  private final Map<String, String> parameters;
  private final LocalSecrets secrets;
  private final String queueEndpoint;
  private final String namePrefix;

  /**
   * @param overrides parameter values that replace the defaults
   * @param queueEndpoint base URL of the local SQS, for queue URLs
   * @param namePrefix put before every table, bucket and queue name, so that test classes sharing the local
   *     services each get their own resources; empty for the dev server
   */
  public LocalResolver(Template template, Map<String, String> overrides, LocalSecrets secrets, String queueEndpoint,
      String namePrefix) {
    this.template = template;
    this.secrets = secrets;
    this.queueEndpoint = queueEndpoint;
    this.namePrefix = namePrefix;
    var values = new LinkedHashMap<String, String>();
    template.parameters().forEach((name, definition) -> {
      Object fallback = Template.map(definition).get("Default");
      if (fallback != null) {
        values.put(name, fallback.toString());
      }
    });
    values.putAll(overrides);
    this.parameters = values;
  }

  /** The local physical name of a resource: what {@code Ref} gives for tables, buckets and queues. */
  public String physicalName(String logicalId) {
    Map<String, Object> properties = template.properties(logicalId);
    // An explicit name already contains the stack name, which carries the prefix (see stackName()).
    return switch (template.type(logicalId)) {
      case "AWS::DynamoDB::Table" -> named(properties, "TableName", namePrefix + logicalId);
      case "AWS::S3::Bucket" -> named(properties, "BucketName", namePrefix + "local-" + kebab(logicalId))
          .toLowerCase(Locale.ROOT);
      case "AWS::SQS::Queue" -> named(properties, "QueueName",
          namePrefix + logicalId + (Boolean.TRUE.equals(properties.get("FifoQueue")) ? ".fifo" : ""));
      default -> logicalId;
    };
  }

  /** A function's environment variables, resolved, with the local AWS connection variables added. */
  public Map<String, String> functionEnvironment(String functionId, Map<String, String> awsEnvironment) {
    var env = new LinkedHashMap<String, String>(awsEnvironment);
    env.put("AWS_LAMBDA_FUNCTION_NAME", functionId);
    template.environment(functionId).forEach((name, value) -> env.put(name, string(value)));
    return env;
  }

  /**
   * The value Secrets Manager would give for a secret id (an ARN from {@code Ref} or a logical id), as the Parameters
   * and Secrets extension reads it: a generated secret's local stand-in, or a {@code SecretString} resolved from the
   * template; empty for a secret the template does not declare or whose condition is false.
   */
  public Optional<String> secretValue(String secretId) {
    String name = secretId.contains("secret:") ? secretId.substring(secretId.indexOf("secret:") + "secret:".length())
        : secretId;
    if (!template.resources().containsKey(name) || !"AWS::SecretsManager::Secret".equals(template.type(name))) {
      return Optional.empty();
    }
    Object condition = Template.map(template.resources().get(name)).get("Condition");
    if (condition != null && !condition((String) condition)) {
      return Optional.empty();
    }
    Object secretString = template.properties(name).get("SecretString");
    String value = secretString == null ? secrets.value(name) : string(secretString);
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  /** Resolves a value to the string CloudFormation would pass. */
  public String string(Object value) {
    Object resolved = resolve(value);
    if (resolved instanceof List<?> list) {
      return String.join(",", list.stream().map(Object::toString).toList());
    }
    return resolved == null ? "" : resolved.toString();
  }

  /** Resolves intrinsics anywhere in a value; lists stay lists. */
  public Object resolve(Object value) {
    if (value instanceof Map<?, ?> raw && raw.size() == 1) {
      Map<String, Object> intrinsic = Template.map(raw);
      String function = intrinsic.keySet().iterator().next();
      Object argument = intrinsic.get(function);
      switch (function) {
        case "Ref" -> {
          return ref((String) argument);
        }
        case "Fn::GetAtt" -> {
          List<?> parts = (List<?>) argument;
          return attribute((String) parts.get(0), (String) parts.get(1));
        }
        case "Fn::Sub" -> {
          return sub(argument);
        }
        case "Fn::If" -> {
          List<?> parts = (List<?>) argument;
          return resolve(condition((String) parts.get(0)) ? parts.get(1) : parts.get(2));
        }
        case "Fn::Join" -> {
          List<?> parts = (List<?>) argument;
          List<?> items = (List<?>) resolve(parts.get(1));
          return String.join((String) parts.get(0), items.stream().map(this::string).toList());
        }
        default -> {
          if (function.startsWith("Fn::")) {
            throw new UnsupportedOperationException("The local dev server does not resolve " + function
                + " yet; extend LocalResolver");
          }
        }
      }
    }
    if (value instanceof List<?> list) {
      return list.stream().map(this::resolve).toList();
    }
    if (value instanceof String text) {
      return secretReferences(text);
    }
    return value;
  }

  /** {@code local} for the dev server; prefixed for a test's deployment, so that its named resources are its own. */
  private String stackName() {
    return (namePrefix + "local").toLowerCase(Locale.ROOT);
  }

  /** Evaluates a condition of the template's {@code Conditions}. */
  boolean condition(String name) {
    Object definition = Template.map(template.root().get("Conditions")).get(name);
    if (definition == null) {
      throw new IllegalArgumentException("template.yaml refers to unknown condition " + name);
    }
    return truth(definition);
  }

  private boolean truth(Object value) {
    Map<String, Object> intrinsic = Template.map(value);
    if (intrinsic.size() != 1) {
      throw new IllegalArgumentException("Not a condition: " + value);
    }
    String function = intrinsic.keySet().iterator().next();
    Object argument = intrinsic.get(function);
    List<?> arguments = argument instanceof List<?> list ? list : List.of(argument);
    return switch (function) {
      case "Fn::Equals" -> string(arguments.get(0)).equals(string(arguments.get(1)));
      case "Fn::Not" -> !truth(arguments.get(0));
      case "Fn::And" -> arguments.stream().allMatch(this::truth);
      case "Fn::Or" -> arguments.stream().anyMatch(this::truth);
      case "Condition" -> condition((String) argument);
      default -> throw new UnsupportedOperationException("Unsupported condition function " + function);
    };
  }

  private Object ref(String name) {
    switch (name) {
      case "AWS::Region" -> {
        return LocalAws.REGION;
      }
      case "AWS::AccountId" -> {
        return LocalAws.ACCOUNT_ID;
      }
      case "AWS::StackName" -> {
        return stackName();
      }
      case "AWS::Partition" -> {
        return "aws";
      }
      case "AWS::URLSuffix" -> {
        return "amazonaws.com";
      }
      case "AWS::NoValue" -> {
        return null;
      }
      default -> { }
    }
    if (parameters.containsKey(name)) {
      String value = parameters.get(name);
      Object type = Template.map(template.parameters().get(name)).get("Type");
      return "CommaDelimitedList".equals(type) ? List.of(value.split("\\s*,\\s*")) : value;
    }
    if (!template.resources().containsKey(name)) {
      throw new IllegalArgumentException("template.yaml refers to unknown name " + name);
    }
    return switch (template.type(name)) {
      case "AWS::SQS::Queue" -> queueEndpoint + "/" + LocalAws.ACCOUNT_ID + "/" + physicalName(name);
      case "AWS::SecretsManager::Secret" -> arn("secretsmanager", "secret:" + name);
      default -> physicalName(name);
    };
  }

  private String attribute(String logicalId, String attribute) {
    String type = template.type(logicalId);
    String name = physicalName(logicalId);
    if (!attribute.equals("Arn")) {
      return name;
    }
    return switch (type) {
      case "AWS::DynamoDB::Table" -> arn("dynamodb", "table/" + name);
      case "AWS::S3::Bucket" -> "arn:aws:s3:::" + name;
      case "AWS::SQS::Queue" -> arn("sqs", name);
      default -> arn("local", logicalId);
    };
  }

  private String sub(Object argument) {
    String text;
    Map<String, Object> variables = Map.of();
    if (argument instanceof List<?> pair) {
      text = (String) pair.get(0);
      variables = Template.map(pair.get(1));
    } else {
      text = (String) argument;
    }
    Matcher matcher = SUB_VARIABLE.matcher(text);
    var out = new StringBuilder();
    while (matcher.find()) {
      String variable = matcher.group(1);
      String replacement;
      if (variable.startsWith("!")) {
        replacement = "${" + variable.substring(1) + "}";
      } else if (variables.containsKey(variable)) {
        replacement = string(variables.get(variable));
      } else if (variable.contains(".") && !variable.startsWith("AWS::")) {
        String[] parts = variable.split("\\.", 2);
        replacement = attribute(parts[0], parts[1]);
      } else {
        replacement = string(ref(variable));
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return secretReferences(out.toString());
  }

  private String secretReferences(String text) {
    Matcher matcher = SECRET_REFERENCE.matcher(text);
    var out = new StringBuilder();
    while (matcher.find()) {
      String id = matcher.group(1);
      String secretName = id.contains("secret:") ? id.substring(id.indexOf("secret:") + "secret:".length()) : id;
      matcher.appendReplacement(out, Matcher.quoteReplacement(secrets.value(secretName)));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private String named(Map<String, Object> properties, String property, String fallback) {
    Object name = properties.get(property);
    return name == null ? fallback : string(name);
  }

  private static String arn(String service, String resource) {
    return "arn:aws:" + service + ":" + LocalAws.REGION + ":" + LocalAws.ACCOUNT_ID + ":" + resource;
  }

  private static String kebab(String logicalId) {
    return logicalId.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }
}
