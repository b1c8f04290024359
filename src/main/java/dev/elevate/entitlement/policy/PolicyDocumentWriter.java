package dev.elevate.entitlement.policy;

import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * Writes policies in the document form {@link PolicyDocumentReader} reads, every field
 * spelled out, so an export read back gives the same policies.
 */
public final class PolicyDocumentWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    private PolicyDocumentWriter() {
    }

    public static String write(PolicyDocument document, PolicyFormat format) {
        ObjectNode root = NODES.objectNode();
        root.put("format", PolicyDocument.FORMAT);
        ArrayNode policies = root.putArray("policies");
        document.policies().forEach(p -> policies.add(node(p)));
        try {
            return (format == PolicyFormat.YAML ? YAML : JSON).writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One policy as compact JSON, the form a policy version is stored in. */
    public static String policyJson(AccessPolicy policy) {
        try {
            return new ObjectMapper().writeValueAsString(node(policy));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode node(AccessPolicy policy) {
        ObjectNode node = NODES.objectNode();
        node.put("entitlement", policy.entitlement());
        node.put("risk", policy.risk().code());
        node.set("requesters", principals(policy.requesters()));
        ObjectNode duration = node.putObject("duration");
        duration.put("min", policy.duration().min().toString());
        duration.put("default", policy.duration().standard().toString());
        duration.put("max", policy.duration().max().toString());
        node.put("pendingTimeout", policy.pendingTimeout().toString());
        node.put("ticketRequired", policy.ticketRequired());
        ArrayNode steps = node.putArray("steps");
        for (ApprovalStep step : policy.steps()) {
            ObjectNode s = steps.addObject();
            s.put("name", step.name());
            s.set("approvers", principals(step.approvers()));
            s.put("approvals", step.approvals());
        }
        strings(node.putArray("conflicts"), policy.conflicts());
        node.put("approversMustNotHold", policy.approversMustNotHold());
        if (policy.stepUp().required()) {
            node.putObject("stepUp").put("maxAge", policy.stepUp().maxAge().toString());
        }
        ArrayNode auto = node.putArray("autoApproval");
        for (AutoApprovalRule rule : policy.autoApproval()) {
            ObjectNode r = auto.addObject();
            r.put("name", rule.name());
            r.set("requesters", principals(rule.requesters()));
            r.put("maxDuration", rule.maxDuration().toString());
            rule.hours().ifPresent(h -> {
                ObjectNode hours = r.putObject("hours");
                hours.put("zone", h.zone().getId());
                ArrayNode days = hours.putArray("days");
                h.days().stream().sorted().map(PolicyDocumentWriter::day).forEach(days::add);
                hours.put("from", h.from().toString());
                hours.put("to", h.to().toString());
            });
        }
        if (policy.extensions().allowed()) {
            ObjectNode ext = node.putObject("extensions");
            ext.put("maxCount", policy.extensions().maxCount());
            ext.put("requiresApproval", policy.extensions().requiresApproval());
            ext.put("totalMax", policy.extensions().totalMax().toString());
        }
        if (policy.breakGlass().allowed()) {
            ObjectNode glass = node.putObject("breakGlass");
            glass.put("allowed", true);
            glass.put("reviewWithin", policy.breakGlass().reviewWithin().toString());
        }
        node.put("maxStartDelay", policy.maxStartDelay().toString());
        return node;
    }

    private static ObjectNode principals(Principals principals) {
        ObjectNode node = NODES.objectNode();
        strings(node.putArray("groups"), principals.groups());
        strings(node.putArray("roles"), principals.roles());
        return node;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static String day(DayOfWeek day) {
        return day.name().substring(0, 3).toUpperCase(Locale.ROOT);
    }
}
