package org.mediaartscities.local.template;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads template.yaml, turning CloudFormation's short-form tags ({@code !Ref}, {@code !GetAtt}, {@code !Sub}...)
 * into their JSON form ({@code {"Ref": ...}}, {@code {"Fn::GetAtt": [...]}}), the form SAM's schema describes.
 */
public final class TemplateLoader {

  private static final List<String> FUNCTIONS = List.of("Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs",
      "ImportValue", "Join", "Select", "Split", "Sub", "Transform", "And", "Equals", "If", "Not", "Or", "ToJsonString",
      "Length");

  private TemplateLoader() {}

  public static Template load(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Map<String, Object> root = new Yaml(new IntrinsicConstructor()).load(reader);
      return new Template(root);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static final class IntrinsicConstructor extends SafeConstructor {

    IntrinsicConstructor() {
      super(new LoaderOptions());
      yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
      yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
      for (String function : FUNCTIONS) {
        yamlConstructors.put(new Tag("!" + function), new Intrinsic("Fn::" + function));
      }
    }

    private final class Intrinsic extends AbstractConstruct {
      private final String name;

      Intrinsic(String name) {
        this.name = name;
      }

      @Override
      public Object construct(Node node) {
        Object value = switch (node) {
          case ScalarNode scalar -> constructScalar(scalar);
          case SequenceNode sequence -> constructSequence(sequence);
          case MappingNode mapping -> constructMapping(mapping);
          default -> throw new IllegalStateException("Unexpected YAML node for " + name);
        };
        if (name.equals("Fn::GetAtt") && value instanceof String dotted) {
          value = List.of(dotted.split("\\.", 2));
        }
        return Map.of(name, value);
      }
    }
  }
}
