package org.mediaartscities.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalResolverTest {

  private static final String YAML = """
      Parameters:
        Origins:
          Type: CommaDelimitedList
          Default: https://a.example, https://b.example
        Stage:
          Type: String
          Default: prod
      Globals:
        Function:
          Timeout: 10
          Environment:
            Variables:
              SHARED: from-globals
      Resources:
        Table:
          Type: AWS::DynamoDB::Table
        Uploads:
          Type: AWS::S3::Bucket
        Jobs:
          Type: AWS::SQS::Queue
          Properties:
            FifoQueue: true
        Signing:
          Type: AWS::SecretsManager::Secret
        Fn:
          Type: AWS::Serverless::Function
          Properties:
            Handler: org.example.Handler::handleRequest
            Environment:
              Variables:
                TABLE: !Ref Table
                TABLE_ARN: !GetAtt Table.Arn
                BUCKET: !Sub 'arn:${AWS::Partition}:s3:::${Uploads}/*'
                QUEUE: !Ref Jobs
                STAGE: !Sub
                  - '${Prefix}-${Stage}'
                  - Prefix: site
                LITERAL: !Sub '${!NotAVariable}'
                SECRET: !Sub '{{resolve:secretsmanager:${Signing}}}'
                ORIGINS: !Join [' ', !Ref Origins]
            Events:
              List:
                Type: HttpApi
                Properties: {Method: get, Path: /things}
      """;

  @Test
  void resolvesRefsAttributesSubsJoinsAndSecretsToLocalNames(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("template.yaml");
    Files.writeString(file, YAML);
    Template template = TemplateLoader.load(file);
    var secrets = new LocalSecrets(dir.resolve("secrets.properties"));
    var resolver = new LocalResolver(template, Map.of("Stage", "dev"), secrets, "http://127.0.0.1:9324", "t-");

    Map<String, String> env = resolver.functionEnvironment("Fn", Map.of("AWS_REGION", "eu-west-3"));

    assertThat(env).containsEntry("TABLE", "t-Table")
        .containsEntry("TABLE_ARN", "arn:aws:dynamodb:eu-west-3:000000000000:table/t-Table")
        .containsEntry("BUCKET", "arn:aws:s3:::t-local-uploads/*")
        .containsEntry("QUEUE", "http://127.0.0.1:9324/000000000000/t-Jobs.fifo")
        .containsEntry("STAGE", "site-dev")
        .containsEntry("LITERAL", "${NotAVariable}")
        .containsEntry("ORIGINS", "https://a.example https://b.example")
        .containsEntry("SHARED", "from-globals")
        .containsEntry("AWS_REGION", "eu-west-3");
    assertThat(env.get("SECRET")).hasSize(48).isEqualTo(new LocalSecrets(dir.resolve("secrets.properties"))
        .value("Signing"));
    assertThat(template.functionProperties("Fn")).containsEntry("Timeout", 10);
    assertThat(template.httpRoutes()).containsExactly(new Template.HttpRoute("Fn", "GET", "/things"));
  }

  @Test
  void anUnknownNameIsReportedNotGuessed(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("template.yaml");
    Files.writeString(file, "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n"
        + "      Environment:\n        Variables:\n          X: !Ref Nowhere\n");
    var resolver = new LocalResolver(TemplateLoader.load(file), Map.of(), new LocalSecrets(null), "http://q", "");

    assertThatThrownBy(() -> resolver.functionEnvironment("Fn", Map.of())).hasMessageContaining("Nowhere");
  }

  @Test
  void theRepositoryTemplateResolvesCompletely() {
    Template template = TemplateLoader.load(org.mediaartscities.local.RepoPaths.template());
    var resolver = new LocalResolver(template, Map.of(), new LocalSecrets(null), "http://q", "");
    for (String function : template.resourcesOfType(Template.FUNCTION)) {
      assertThat(resolver.functionEnvironment(function, Map.of()).values()).noneMatch(v -> v.contains("${")
          || v.contains("{{resolve"));
    }
    assertThat(List.of("ContentTable")).allMatch(id -> resolver.physicalName(id).equals(id));
  }
}
