package dev.elevate.web.page;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.elevate.request.FieldViolation;

/** Field messages for a re-rendered form. */
public class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

    public static FormErrors none() {
        return new FormErrors();
    }

    public static FormErrors of(List<FieldViolation> violations) {
        FormErrors errors = new FormErrors();
        violations.forEach(v -> errors.byField.merge(v.field(), v.rule(), (a, b) -> a + "; " + b));
        return errors;
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    /** The message for a field, worded as "Duration must be at least PT15M". */
    public String of(String field) {
        String rule = byField.get(field);
        return rule == null ? "" : Character.toUpperCase(field.charAt(0)) + field.substring(1)
                + " " + rule;
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }
}
