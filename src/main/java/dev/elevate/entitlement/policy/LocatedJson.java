package dev.elevate.entitlement.policy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A JSON or YAML text read into a tree, remembering the line each value sits on (keyed by
 * JSON pointer), so rule checks on the tree can point back into the text.
 *
 * @param root null when the text could not be read; {@code problems} says why
 */
record LocatedJson(JsonNode root, Map<String, Integer> lines, List<PolicyProblem> problems) {

    static LocatedJson read(String text, PolicyFormat format) {
        Reader reader = new Reader();
        JsonNode root = reader.parse(text, format);
        return new LocatedJson(root, Map.copyOf(reader.lines), List.copyOf(reader.problems));
    }

    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /** One pass over the parser's tokens. */
    private static final class Reader {
        private final Map<String, Integer> lines = new HashMap<>();
        private final List<PolicyProblem> problems = new ArrayList<>();

        private JsonNode parse(String text, PolicyFormat format) {
            JsonFactory factory = format == PolicyFormat.YAML ? new YAMLFactory()
                    : new JsonFactory();
            try (JsonParser parser = factory.createParser(text)) {
                if (parser.nextToken() == null) {
                    problems.add(new PolicyProblem(0, "", "the document is empty"));
                    return null;
                }
                JsonNode root = value(parser, "");
                if (parser.nextToken() != null) {
                    problems.add(new PolicyProblem(parser.currentTokenLocation().getLineNr(), "",
                            "unexpected content after the end of the document"));
                    return null;
                }
                return root;
            } catch (JsonProcessingException e) {
                int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
                problems.add(new PolicyProblem(Math.max(line, 0), "",
                        "not valid " + format + ": " + e.getOriginalMessage()));
                return null;
            } catch (IOException e) {
                problems.add(new PolicyProblem(0, "", "unreadable document: " + e.getMessage()));
                return null;
            }
        }

        private JsonNode value(JsonParser parser, String path) throws IOException {
            JsonNodeFactory nodes = JsonNodeFactory.instance;
            lines.putIfAbsent(path, parser.currentTokenLocation().getLineNr());
            JsonToken token = parser.currentToken();
            switch (token) {
                case START_OBJECT -> {
                    ObjectNode object = nodes.objectNode();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String name = parser.currentName();
                        String child = path + "/" + escape(name);
                        int line = parser.currentTokenLocation().getLineNr();
                        lines.put(child, line);
                        parser.nextToken();
                        JsonNode value = value(parser, child);
                        if (object.has(name)) {
                            problems.add(new PolicyProblem(line, child,
                                    "'" + name + "' is given twice"));
                        }
                        object.set(name, value);
                    }
                    return object;
                }
                case START_ARRAY -> {
                    ArrayNode array = nodes.arrayNode();
                    int index = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        array.add(value(parser, path + "/" + index++));
                    }
                    return array;
                }
                case VALUE_STRING -> {
                    return nodes.textNode(parser.getText());
                }
                case VALUE_NUMBER_INT -> {
                    return nodes.numberNode(parser.getBigIntegerValue());
                }
                case VALUE_NUMBER_FLOAT -> {
                    return nodes.numberNode(parser.getDecimalValue());
                }
                case VALUE_TRUE, VALUE_FALSE -> {
                    return nodes.booleanNode(parser.getBooleanValue());
                }
                case VALUE_NULL -> {
                    return nodes.nullNode();
                }
                default -> {
                    // YAML anchors, tags and binary scalars have no place in a policy.
                    problems.add(new PolicyProblem(parser.currentTokenLocation().getLineNr(), path,
                            "unsupported value"));
                    return nodes.nullNode();
                }
            }
        }
    }
}
