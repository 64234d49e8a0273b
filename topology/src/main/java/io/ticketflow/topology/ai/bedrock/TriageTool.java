package io.ticketflow.topology.ai.bedrock;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.SpecificToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one tool a triage call offers and forces: {@value #NAME}, whose input schema is the triage answer
 * ({@code prompts/triage-tool-schema.json} with the configured categories as the category {@code enum}). The same
 * schema validates the model's answer, so an answer is accepted exactly when it fits what the model was asked for:
 * every field present, nothing else, enums respected, confidence within [0, 1], a whole number of minutes.
 * Immutable and thread-safe.
 */
final class TriageTool {

    static final String NAME = "record_triage";

    private static final String SCHEMA_RESOURCE = "/prompts/triage-tool-schema.json";
    private static final String DESCRIPTION = "Records the triage of one support ticket: priority, category,"
            + " confidence, summary, solution steps and estimated resolution time.";

    private final JsonNode schemaJson;
    private final Schema schema;
    private final ToolConfiguration configuration;

    TriageTool(List<String> categories) {
        this.schemaJson = schemaWith(categories);
        this.schema = compile(schemaJson);
        this.configuration = ToolConfiguration.builder()
                .tools(Tool.fromToolSpec(ToolSpecification.builder()
                        .name(NAME)
                        .description(DESCRIPTION)
                        .inputSchema(ToolInputSchema.fromJson(Documents.fromJson(schemaJson)))
                        .build()))
                // Forcing the tool makes the answer structured data rather than prose, whatever the ticket says.
                .toolChoice(ToolChoice.fromTool(
                        SpecificToolChoice.builder().name(NAME).build()))
                .build();
    }

    /** The Converse {@code toolConfig}: this tool, forced. */
    ToolConfiguration configuration() {
        return configuration;
    }

    /** The input schema as JSON text, for token estimates. */
    String schemaText() {
        return schemaJson.toString();
    }

    /** The problems of {@code input} under the schema, each starting with its JSON path; empty when it is valid. */
    List<String> problems(Document input) {
        List<Error> errors = schema.validate(Documents.toJson(input));
        return errors.stream().map(TriageTool::describe).toList();
    }

    private static String describe(Error error) {
        if ("required".equals(error.getKeyword())) {
            return error.getInstanceLocation().append(error.getProperty()) + ": is required but missing";
        }
        return error.getInstanceLocation() + ": " + error.getMessage();
    }

    private static JsonNode schemaWith(List<String> categories) {
        ObjectNode schema;
        try (InputStream in = TriageTool.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA_RESOURCE + " is missing from the classpath");
            }
            schema = (ObjectNode) Documents.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + SCHEMA_RESOURCE, e);
        }
        ArrayNode allowed = (ArrayNode) schema.at("/properties/category/enum");
        categories.forEach(allowed::add);
        return schema;
    }

    private static Schema compile(JsonNode schemaJson) {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_PATH)
                .locale(Locale.ENGLISH)
                .build();
        Schema compiled = SchemaRegistry.withDefaultDialect(
                        SpecificationVersion.DRAFT_2020_12, builder -> builder.schemaRegistryConfig(config))
                .getSchema(schemaJson);
        compiled.initializeValidators();
        return compiled;
    }
}
