package dev.elevate.entitlement.policy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The policy that governs a request: the active one for new requests, the recorded one for a
 * request already made. Parsed documents are cached by version id, which is safe because a
 * version never changes once stored.
 */
@ApplicationScoped
public class PolicyCatalog {

    private final Map<Long, AccessPolicy> parsed = new ConcurrentHashMap<>();

    @Inject
    PolicyVersionRepository versions;

    public Optional<PolicyVersion> activeVersion(String entitlementKey) {
        return versions.active(entitlementKey);
    }

    public List<PolicyVersion> allActive() {
        return versions.allActive();
    }

    public Optional<AccessPolicy> activePolicy(String entitlementKey) {
        return versions.active(entitlementKey).map(this::policy);
    }

    public AccessPolicy policy(PolicyVersion version) {
        return parsed.computeIfAbsent(version.id(),
                id -> PolicyDocumentReader.readStored(version.document()));
    }

    /** The policy of a recorded version id; every request and grant carries one. */
    public AccessPolicy policy(long versionId) {
        AccessPolicy cached = parsed.get(versionId);
        if (cached != null) {
            return cached;
        }
        PolicyVersion version = versions.findByIdOptional(versionId).orElseThrow(
                () -> new IllegalStateException("no policy version " + versionId));
        return policy(version);
    }

    public PolicyVersion version(long versionId) {
        return versions.findById(versionId);
    }
}
