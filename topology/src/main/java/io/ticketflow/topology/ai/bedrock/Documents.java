package io.ticketflow.topology.ai.bedrock;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.document.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts between the AWS SDK's {@link Document} (what Converse takes as a tool schema and returns as a tool input)
 * and Jackson's {@link JsonNode} (what the project's JSON code and the schema validator read). Numbers keep their
 * textual form both ways, so an integer stays an integer. Stateless.
 */
final class Documents {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private Documents() {}

    static Document fromJson(JsonNode node) {
        if (node.isObject()) {
            Map<String, Document> members = new LinkedHashMap<>();
            node.properties().forEach(member -> members.put(member.getKey(), fromJson(member.getValue())));
            return Document.fromMap(members);
        }
        if (node.isArray()) {
            List<Document> elements = new ArrayList<>();
            node.values().forEach(element -> elements.add(fromJson(element)));
            return Document.fromList(elements);
        }
        if (node.isString()) {
            return Document.fromString(node.stringValue());
        }
        if (node.isNumber()) {
            return Document.fromNumber(SdkNumber.fromString(node.toString()));
        }
        if (node.isBoolean()) {
            return Document.fromBoolean(node.booleanValue());
        }
        return Document.fromNull();
    }

    static JsonNode toJson(Document document) {
        JsonNodeFactory nodes = JSON.getNodeFactory();
        if (document.isMap()) {
            ObjectNode object = nodes.objectNode();
            document.asMap().forEach((name, value) -> object.set(name, toJson(value)));
            return object;
        }
        if (document.isList()) {
            ArrayNode array = nodes.arrayNode();
            document.asList().forEach(element -> array.add(toJson(element)));
            return array;
        }
        if (document.isString()) {
            return nodes.stringNode(document.asString());
        }
        if (document.isNumber()) {
            // Jackson reads the number's text as it was written: 30 as an integer, 0.9 as a decimal.
            return JSON.readTree(document.asNumber().toString());
        }
        if (document.isBoolean()) {
            return nodes.booleanNode(document.asBoolean());
        }
        return nodes.nullNode();
    }
}
