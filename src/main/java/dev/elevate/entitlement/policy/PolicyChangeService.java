package dev.elevate.entitlement.policy;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.elevate.audit.AuditEventType;
import dev.elevate.audit.AuditTrail;
import dev.elevate.entitlement.EntitlementRepository;
import dev.elevate.identity.Actor;
import dev.elevate.identity.Caller;
import dev.elevate.identity.directory.KeycloakDirectory;
import dev.elevate.request.FieldViolation;
import dev.elevate.request.InvalidRequestException;
import dev.elevate.request.NotEligibleException;
import dev.elevate.request.RequestConflictException;

/**
 * Policy changes under four eyes: one admin proposes a document, a different admin confirms
 * it, and only then does each policy in it become a new version. Requests keep the version
 * they were submitted under, so a change never reaches a request already open, its author's
 * included.
 */
@ApplicationScoped
public class PolicyChangeService {

    private static final Logger LOG = Logger.getLogger(PolicyChangeService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final int COMMENT_MAX = 1000;

    @Inject
    PolicyChangeRepository changes;

    @Inject
    PolicyVersionRepository versions;

    @Inject
    PolicyCatalog catalog;

    @Inject
    EntitlementRepository entitlements;

    @Inject
    KeycloakDirectory directory;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /**
     * Checks the whole document and stores it as a proposal; policies identical to their
     * active version are left out. Nothing is proposed if nothing would change.
     *
     * @throws InvalidPolicyDocumentException with every problem, line by line
     */
    @Transactional
    public PolicyChange propose(String text, PolicyFormat format, Caller caller, Actor actor) {
        PolicyDocument document = PolicyDocumentReader.read(text, format,
                key -> entitlements.findByKey(key).isPresent());
        List<PolicyChangeItem> items = new ArrayList<>();
        PolicyChange change = PolicyChange.propose("", format, text, caller.subject(),
                caller.username(), clock.instant());
        List<String> touched = new ArrayList<>();
        for (AccessPolicy policy : document.policies()) {
            String json = PolicyDocumentWriter.policyJson(policy);
            Optional<PolicyVersion> active = versions.active(policy.entitlement());
            if (active.isPresent() && catalog.policy(active.get()).equals(policy)) {
                continue;
            }
            touched.add(policy.entitlement());
            items.add(new PolicyChangeItem(change.id(), policy.entitlement(),
                    active.map(PolicyVersion::version).orElse(null), json));
        }
        if (items.isEmpty()) {
            throw new InvalidPolicyDocumentException(List.of(new PolicyProblem(0, "",
                    "nothing to change: every policy in the document equals its active version")));
        }
        change.describe("Changes " + String.join(", ", touched));
        changes.persist(change);
        changes.flush();
        items.forEach(changes::persistItem);
        audit.policyChange(AuditEventType.POLICY_CHANGE_PROPOSED, actor, null,
                AuditTrail.details("change", change.id().toString(), "entitlements", touched));
        LOG.infof("policy change proposed: change=%s by=%s entitlements=%s", change.id(),
                caller.username(), touched);
        return change;
    }

    /** Who gains and loses what if the change is confirmed now, per entitlement. */
    @Transactional
    public List<PolicyImpact> impact(UUID changeId) {
        PolicyChange change = changes.findByIdOptional(changeId)
                .orElseThrow(PolicyChangeNotFoundException::new);
        List<PolicyImpact> impacts = new ArrayList<>();
        for (PolicyChangeItem item : changes.items(change.id())) {
            Optional<PolicyVersion> active = versions.active(item.entitlementKey());
            AccessPolicy before = active.map(catalog::policy).orElse(null);
            AccessPolicy after = PolicyDocumentReader.readStored(item.document());
            Set<String> requestBefore = before == null ? Set.of() : people(before.requesters());
            Set<String> requestAfter = people(after.requesters());
            Set<String> approveBefore = before == null ? Set.of() : approvers(before);
            Set<String> approveAfter = approvers(after);
            impacts.add(new PolicyImpact(item.entitlementKey(),
                    active.map(PolicyVersion::version).orElse(null),
                    minus(requestAfter, requestBefore), minus(requestBefore, requestAfter),
                    minus(approveAfter, approveBefore), minus(approveBefore, approveAfter),
                    differences(active.map(PolicyVersion::document).orElse("{}"),
                            item.document())));
        }
        return impacts;
    }

    public List<PolicyChangeItem> items(UUID changeId) {
        return changes.items(changeId);
    }

    /**
     * A second admin confirms: every policy in the change becomes the next version. Refused
     * (and audited) for the author, for a change no longer proposed, and for one whose
     * policies changed since it was proposed.
     */
    @Transactional(dontRollbackOn = {NotEligibleException.class, RequestConflictException.class})
    public List<PolicyVersion> confirm(UUID changeId, String comment, Caller caller,
            Actor actor) {
        PolicyChange change = decidable(changeId, comment, caller, actor, "confirm");
        List<PolicyImpact> impacts = impact(changeId);
        Instant now = clock.instant();
        List<PolicyChangeItem> items = changes.items(changeId);
        for (PolicyChangeItem item : items) {
            Integer current = versions.active(item.entitlementKey()).map(PolicyVersion::version)
                    .orElse(null);
            if (!Objects.equals(current, item.baseVersion())) {
                throw refused(change, actor, "confirm", new RequestConflictException(
                        "The policy of " + item.entitlementKey() + " changed since this was "
                                + "proposed (now version " + current + "); propose again"));
            }
        }
        List<PolicyVersion> created = new ArrayList<>();
        for (PolicyChangeItem item : items) {
            Optional<PolicyVersion> active = versions.active(item.entitlementKey());
            active.ifPresent(v -> v.supersede(now));
            versions.flush();
            PolicyVersion next = new PolicyVersion(item.entitlementKey(),
                    versions.latestNumber(item.entitlementKey()) + 1, item.document(),
                    json(differences(active.map(PolicyVersion::document).orElse("{}"),
                            item.document())),
                    change.id(), change.authorUsername(), caller.username(), now);
            versions.persist(next);
            created.add(next);
        }
        change.decide(PolicyChange.State.APPLIED, caller.subject(), caller.username(),
                comment, now);
        for (PolicyImpact impact : impacts) {
            audit.policyChange(AuditEventType.POLICY_CHANGE_CONFIRMED, actor, impact.entitlement(),
                    AuditTrail.details("change", change.id().toString(),
                            "author", change.authorUsername(),
                            "fromVersion", impact.fromVersion(),
                            "toVersion", created.stream()
                                    .filter(v -> v.entitlementKey().equals(impact.entitlement()))
                                    .findFirst().map(PolicyVersion::version).orElse(null),
                            "gainRequest", impact.gainRequest(),
                            "loseRequest", impact.loseRequest(),
                            "gainApprove", impact.gainApprove(),
                            "loseApprove", impact.loseApprove(),
                            "fields", impact.differences().stream().map(PolicyDifference::field)
                                    .toList(),
                            "comment", comment));
        }
        LOG.infof("policy change confirmed: change=%s author=%s by=%s", change.id(),
                change.authorUsername(), caller.username());
        return created;
    }

    /** A second admin turns the change down; nothing of it applies. */
    @Transactional(dontRollbackOn = {NotEligibleException.class, RequestConflictException.class})
    public PolicyChange reject(UUID changeId, String comment, Caller caller, Actor actor) {
        PolicyChange change = decidable(changeId, comment, caller, actor, "reject");
        if (comment == null || comment.isBlank()) {
            throw new InvalidRequestException(List.of(
                    new FieldViolation("comment",
                            "is required when rejecting: say why, for the author and the audit")));
        }
        change.decide(PolicyChange.State.REJECTED, caller.subject(), caller.username(), comment,
                clock.instant());
        audit.policyChange(AuditEventType.POLICY_CHANGE_REJECTED, actor, null, AuditTrail.details(
                "change", change.id().toString(), "author", change.authorUsername(),
                "comment", comment));
        return change;
    }

    /** The author takes their own proposal back. */
    @Transactional(dontRollbackOn = {NotEligibleException.class, RequestConflictException.class})
    public PolicyChange withdraw(UUID changeId, Caller caller, Actor actor) {
        PolicyChange change = changes.findForUpdate(changeId)
                .orElseThrow(PolicyChangeNotFoundException::new);
        if (!change.authorSubject().equals(caller.subject())) {
            throw refused(change, actor, "withdraw", new NotEligibleException(
                    "Only the author may withdraw a proposed change"));
        }
        if (change.state() != PolicyChange.State.PROPOSED) {
            throw refused(change, actor, "withdraw", new RequestConflictException(
                    "The change is " + change.state() + "; only a PROPOSED change can move"));
        }
        change.decide(PolicyChange.State.WITHDRAWN, caller.subject(), caller.username(), null,
                clock.instant());
        audit.policyChange(AuditEventType.POLICY_CHANGE_WITHDRAWN, actor, null,
                AuditTrail.details("change", change.id().toString()));
        return change;
    }

    private PolicyChange decidable(UUID changeId, String comment, Caller caller, Actor actor,
            String action) {
        if (comment != null && comment.length() > COMMENT_MAX) {
            throw new InvalidRequestException(List.of(
                    new FieldViolation("comment",
                            "must be at most " + COMMENT_MAX + " characters")));
        }
        PolicyChange change = changes.findForUpdate(changeId)
                .orElseThrow(PolicyChangeNotFoundException::new);
        if (change.authorSubject().equals(caller.subject())) {
            throw refused(change, actor, action, new NotEligibleException("You proposed this "
                    + "change; a second admin must " + action + " it"));
        }
        if (change.state() != PolicyChange.State.PROPOSED) {
            throw refused(change, actor, action, new RequestConflictException(
                    "The change is " + change.state() + "; only a PROPOSED change can move"));
        }
        return change;
    }

    private <E extends RuntimeException> E refused(PolicyChange change, Actor actor,
            String action, E e) {
        audit.policyChange(AuditEventType.POLICY_CHANGE_REFUSED, actor, null, AuditTrail.details(
                "change", change.id().toString(), "action", action, "reason", e.getMessage()));
        LOG.warnf("policy change %s refused: change=%s by=%s reason=%s", action, change.id(),
                actor.username(), e.getMessage());
        return e;
    }

    private Set<String> people(Principals principals) {
        return new TreeSet<>(directory.members(principals.groups(), principals.roles()).values());
    }

    private Set<String> approvers(AccessPolicy policy) {
        Set<String> all = new TreeSet<>();
        policy.steps().forEach(s -> all.addAll(people(s.approvers())));
        return all;
    }

    private static List<String> minus(Set<String> a, Set<String> b) {
        Set<String> result = new LinkedHashSet<>(a);
        result.removeAll(b);
        return List.copyOf(result);
    }

    /**
     * The fields that differ, compared in the writer's normal form: a seed or an older version
     * may spell a value differently ({@code P7D} against {@code PT168H}) and mean the same.
     */
    static List<PolicyDifference> differences(String beforeJson, String afterJson) {
        try {
            JsonNode before = JSON.readTree("{}".equals(beforeJson) ? beforeJson
                    : PolicyDocumentWriter.policyJson(PolicyDocumentReader.readStored(beforeJson)));
            JsonNode after = JSON.readTree(afterJson);
            Set<String> fields = new TreeSet<>();
            before.fieldNames().forEachRemaining(fields::add);
            after.fieldNames().forEachRemaining(fields::add);
            List<PolicyDifference> differences = new ArrayList<>();
            for (Iterator<String> it = fields.iterator(); it.hasNext();) {
                String field = it.next();
                JsonNode from = before.get(field);
                JsonNode to = after.get(field);
                if (from == null || !from.equals(to)) {
                    differences.add(new PolicyDifference(field,
                            from == null ? "" : from.toString(), to == null ? "" : to.toString()));
                }
            }
            return differences;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String json(List<PolicyDifference> differences) {
        try {
            return JSON.writeValueAsString(differences.stream()
                    .map(d -> Map.of("field", d.field(), "from", d.from(), "to", d.to()))
                    .toList());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
