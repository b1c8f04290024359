package dev.elevate.entitlement.policy;

import java.util.Locale;
import java.util.Optional;

/** The two notations a policy document may be written in. */
public enum PolicyFormat {
    JSON("application/json"), YAML("application/yaml");

    private final String mediaType;

    PolicyFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<PolicyFormat> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "json" -> Optional.of(JSON);
            case "yaml", "yml" -> Optional.of(YAML);
            default -> Optional.empty();
        };
    }

    /** From a Content-Type: JSON or YAML when it says so, else what the text looks like. */
    public static PolicyFormat of(String contentType, String text) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("json")) {
            return JSON;
        }
        return type.contains("yaml") ? YAML : sniff(text == null ? "" : text);
    }

    /** JSON when the text opens with a brace, YAML otherwise (YAML is a superset anyway). */
    public static PolicyFormat sniff(String text) {
        return text.stripLeading().startsWith("{") ? JSON : YAML;
    }
}
