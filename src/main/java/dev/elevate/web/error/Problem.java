package dev.elevate.web.error;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.elevate.request.FieldViolation;

/**
 * An RFC 9457 problem document, with Elevate's extensions: the broken field rules, the
 * reasons of a refusal, and a correlation id to quote to an operator.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail,
        List<FieldViolation> errors, List<String> reasons, String correlationId) {
}
