package dev.elevate.request;

import java.util.List;

/** The caller may not do this; the reasons say why, for the page or problem response. */
public class NotEligibleException extends RuntimeException {

    private final List<String> reasons;

    public NotEligibleException(List<String> reasons) {
        super(String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public NotEligibleException(String reason) {
        this(List.of(reason));
    }

    public List<String> reasons() {
        return reasons;
    }
}
