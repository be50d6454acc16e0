package org.mediaartscities.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mediaartscities.local.RepoPaths;
import org.mediaartscities.local.template.TemplateLoader;
import org.mediaartscities.shared.json.Json;

/** template.yaml is valid against the official AWS SAM JSON schema (../shared/aws-sam/sam.schema.json). */
class TemplateSchemaTest {

  @Test
  void templateIsValidAgainstTheSamSchema() throws Exception {
    JsonSchema schema;
    try (InputStream in = Files.newInputStream(TemplateChecks.samFile("sam.schema.json"))) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
    }
    JsonNode template = Json.MAPPER.valueToTree(TemplateLoader.load(RepoPaths.template()).root());

    Set<ValidationMessage> errors = schema.validate(template);

    assertThat(errors).isEmpty();
  }

  @Test
  void theSchemaCatchesAMistake() throws Exception {
    JsonSchema schema;
    try (InputStream in = Files.newInputStream(TemplateChecks.samFile("sam.schema.json"))) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
    }
    var broken = (com.fasterxml.jackson.databind.node.ObjectNode)
        Json.MAPPER.valueToTree(TemplateLoader.load(RepoPaths.template()).root());
    ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("Resources").get("ContentFunction")
        .get("Properties")).put("Handlr", "misspelt.Handler::handleRequest");

    assertThat(schema.validate(broken)).isNotEmpty();
  }
}
