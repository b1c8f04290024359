package dev.elevate.entitlement.policy;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a policy document (JSON or YAML) and checks every rule, collecting all problems with
 * the line they sit on, so a refused document can be fixed in one go. Either the whole
 * document is valid or nothing of it is used.
 */
public final class PolicyDocumentReader {

    public static final int MAX_DOCUMENT_CHARS = 512 * 1024;
    public static final int MAX_APPROVALS_PER_STEP = 10;
    public static final int MAX_EXTENSIONS = 10;
    private static final Duration MAX_GRANT = Duration.ofDays(30);
    private static final Duration MAX_PENDING = Duration.ofDays(30);
    private static final Duration MIN_STEP_UP_AGE = Duration.ofSeconds(30);
    private static final Duration MAX_STEP_UP_AGE = Duration.ofHours(1);
    private static final Duration MIN_REVIEW = Duration.ofMinutes(15);
    private static final Duration MAX_REVIEW = Duration.ofDays(7);
    private static final Duration MAX_START_DELAY = Duration.ofDays(30);
    private static final Duration DEFAULT_START_DELAY = Duration.ofDays(7);
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern GROUP = Pattern.compile("(/[^/\\p{Cntrl}]{1,100}){1,10}");
    private static final Pattern ROLE = Pattern.compile("[^\\s\\p{Cntrl}]{1,255}");
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final Set<String> DOCUMENT_FIELDS = Set.of("format", "policies");
    private static final Set<String> POLICY_FIELDS = Set.of("entitlement", "risk", "requesters",
            "duration", "pendingTimeout", "ticketRequired", "steps", "conflicts",
            "approversMustNotHold", "stepUp", "autoApproval", "extensions", "breakGlass",
            "maxStartDelay");

    private final Predicate<String> knownEntitlement;
    private final List<PolicyProblem> problems = new ArrayList<>();
    private Map<String, Integer> lines = Map.of();

    private PolicyDocumentReader(Predicate<String> knownEntitlement) {
        this.knownEntitlement = knownEntitlement;
    }

    /**
     * Reads and checks a document; entitlements (and conflicts) must satisfy
     * {@code knownEntitlement}.
     *
     * @throws InvalidPolicyDocumentException with every problem found
     */
    public static PolicyDocument read(String text, PolicyFormat format,
            Predicate<String> knownEntitlement) {
        return new PolicyDocumentReader(knownEntitlement).document(text, format);
    }

    /** Reads one stored policy, written by {@link PolicyDocumentWriter#policyJson}. */
    public static AccessPolicy readStored(String json) {
        PolicyDocumentReader reader = new PolicyDocumentReader(key -> true);
        JsonNode node = reader.parse(json, PolicyFormat.JSON);
        AccessPolicy policy = node == null ? null : reader.policy(node, "");
        if (!reader.problems.isEmpty()) {
            throw new IllegalStateException("stored policy is invalid: " + reader.problems);
        }
        return policy;
    }

    private PolicyDocument document(String text, PolicyFormat format) {
        if (text == null || text.isBlank()) {
            throw new InvalidPolicyDocumentException(List.of(
                    new PolicyProblem(0, "", "the document is empty")));
        }
        if (text.length() > MAX_DOCUMENT_CHARS) {
            throw new InvalidPolicyDocumentException(List.of(new PolicyProblem(0, "",
                    "the document must be at most " + MAX_DOCUMENT_CHARS + " characters")));
        }
        JsonNode root = parse(text, format);
        if (root == null) {
            throw new InvalidPolicyDocumentException(problems);
        }
        List<AccessPolicy> policies = new ArrayList<>();
        if (!root.isObject()) {
            problem("", "the document must be a mapping with 'format' and 'policies'");
        } else {
            unknownFields(root, "", DOCUMENT_FIELDS);
            JsonNode format1 = root.get("format");
            if (format1 == null || !PolicyDocument.FORMAT.equals(format1.asText())) {
                problem(format1 == null ? "" : "/format",
                        "format must be \"" + PolicyDocument.FORMAT + "\"");
            }
            JsonNode list = root.get("policies");
            if (list == null || !list.isArray() || list.isEmpty()) {
                problem(list == null ? "" : "/policies",
                        "policies must be a non-empty list of entitlement policies");
            } else {
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < list.size(); i++) {
                    String path = "/policies/" + i;
                    AccessPolicy policy = policy(list.get(i), path);
                    if (policy != null && !seen.add(policy.entitlement())) {
                        problem(path + "/entitlement", "entitlement " + policy.entitlement()
                                + " appears more than once in the document");
                    }
                    if (policy != null) {
                        policies.add(policy);
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPolicyDocumentException(problems);
        }
        return new PolicyDocument(policies);
    }

    private AccessPolicy policy(JsonNode node, String path) {
        if (!node.isObject()) {
            problem(path, "each policy must be a mapping");
            return null;
        }
        int before = problems.size();
        unknownFields(node, path, POLICY_FIELDS);
        String key = text(node, path, "entitlement", true);
        if (key != null && !KEY.matcher(key).matches()) {
            problem(path + "/entitlement",
                    "must be an entitlement key: lower-case letters, digits, . _ -");
        } else if (key != null && !knownEntitlement.test(key)) {
            problem(path + "/entitlement", "no entitlement " + key + " in the catalog");
        }
        Risk risk = risk(node, path);
        Principals requesters = principals(node.get("requesters"), path + "/requesters",
                "requesters", true);
        DurationRule duration = durationRule(node.get("duration"), path + "/duration");
        Duration pending = duration(node, path, "pendingTimeout", true, Duration.ofSeconds(1),
                MAX_PENDING, null);
        boolean ticket = bool(node, path, "ticketRequired", false);
        List<ApprovalStep> steps = steps(node.get("steps"), path + "/steps");
        List<String> conflicts = conflicts(node.get("conflicts"), path + "/conflicts", key);
        boolean mustNotHold = bool(node, path, "approversMustNotHold", false);
        StepUpRule stepUp = stepUp(node.get("stepUp"), path + "/stepUp");
        Duration longest = duration == null ? MAX_GRANT : duration.max();
        List<AutoApprovalRule> auto = autoApproval(node.get("autoApproval"),
                path + "/autoApproval", risk, longest);
        ExtensionRule extensions = extensions(node.get("extensions"), path + "/extensions",
                longest);
        BreakGlassRule breakGlass = breakGlass(node.get("breakGlass"), path + "/breakGlass");
        Duration startDelay = duration(node, path, "maxStartDelay", false, Duration.ZERO,
                MAX_START_DELAY, DEFAULT_START_DELAY);
        if (problems.size() > before) {
            return null;
        }
        return new AccessPolicy(key, risk, requesters, duration, pending, ticket, steps,
                conflicts, mustNotHold, stepUp, auto, extensions, breakGlass, startDelay);
    }

    private Risk risk(JsonNode node, String path) {
        String text = text(node, path, "risk", false);
        if (text == null) {
            return Risk.MEDIUM;
        }
        try {
            return Risk.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problem(path + "/risk", "must be one of low, medium, high");
            return Risk.MEDIUM;
        }
    }

    private DurationRule durationRule(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            problem(node == null ? parent(path) : path,
                    "duration must be a mapping with min, default and max");
            return null;
        }
        unknownFields(node, path, Set.of("min", "default", "max"));
        Duration one = Duration.ofSeconds(1);
        Duration min = duration(node, path, "min", true, one, MAX_GRANT, null);
        Duration standard = duration(node, path, "default", true, one, MAX_GRANT, null);
        Duration max = duration(node, path, "max", true, one, MAX_GRANT, null);
        if (min == null || standard == null || max == null) {
            return null;
        }
        if (min.compareTo(standard) > 0 || standard.compareTo(max) > 0) {
            problem(path, "must satisfy min <= default <= max");
            return null;
        }
        return new DurationRule(min, standard, max);
    }

    private List<ApprovalStep> steps(JsonNode node, String path) {
        List<ApprovalStep> steps = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            problem(node == null ? parent(path) : path,
                    "steps must be a non-empty list: every request needs someone to approve it");
            return steps;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String at = path + "/" + i;
            JsonNode step = node.get(i);
            if (!step.isObject()) {
                problem(at, "each step must be a mapping with name, approvers and approvals");
                continue;
            }
            unknownFields(step, at, Set.of("name", "approvers", "approvals"));
            String name = text(step, at, "name", true);
            if (name != null && !NAME.matcher(name).matches()) {
                problem(at + "/name", "must be 1-64 letters, digits, . _ -");
            } else if (name != null && !names.add(name)) {
                problem(at + "/name", "step " + name + " is named twice");
            }
            Principals approvers = principals(step.get("approvers"), at + "/approvers",
                    "approvers", true);
            int approvals = integer(step, at, "approvals", 1, MAX_APPROVALS_PER_STEP, 1);
            if (name != null && approvers != null) {
                steps.add(new ApprovalStep(name, approvers, approvals));
            }
        }
        return steps;
    }

    private List<String> conflicts(JsonNode node, String path, String self) {
        List<String> keys = new ArrayList<>();
        if (node == null) {
            return keys;
        }
        for (String key : strings(node, path)) {
            int index = keys.size();
            if (!KEY.matcher(key).matches()) {
                problem(path + "/" + index, "must be an entitlement key");
            } else if (key.equals(self)) {
                problem(path + "/" + index, "an entitlement cannot conflict with itself");
            } else if (!knownEntitlement.test(key)) {
                problem(path + "/" + index, "no entitlement " + key + " in the catalog");
            }
            keys.add(key);
        }
        return List.copyOf(new LinkedHashSet<>(keys));
    }

    private StepUpRule stepUp(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return StepUpRule.NONE;
        }
        if (!node.isObject()) {
            problem(path, "stepUp must be a mapping with maxAge");
            return StepUpRule.NONE;
        }
        unknownFields(node, path, Set.of("maxAge"));
        Duration age = duration(node, path, "maxAge", true, MIN_STEP_UP_AGE, MAX_STEP_UP_AGE,
                null);
        return age == null ? StepUpRule.NONE : new StepUpRule(true, age);
    }

    private List<AutoApprovalRule> autoApproval(JsonNode node, String path, Risk risk,
            Duration longest) {
        List<AutoApprovalRule> rules = new ArrayList<>();
        if (node == null) {
            return rules;
        }
        if (!node.isArray()) {
            problem(path, "autoApproval must be a list of rules");
            return rules;
        }
        if (risk == Risk.HIGH && !node.isEmpty()) {
            problem(path, "auto-approval is not allowed for a high-risk entitlement");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String at = path + "/" + i;
            JsonNode rule = node.get(i);
            if (!rule.isObject()) {
                problem(at, "each rule must be a mapping");
                continue;
            }
            unknownFields(rule, at, Set.of("name", "requesters", "maxDuration", "hours"));
            String name = text(rule, at, "name", true);
            if (name != null && !NAME.matcher(name).matches()) {
                problem(at + "/name", "must be 1-64 letters, digits, . _ -");
            } else if (name != null && !names.add(name)) {
                problem(at + "/name", "rule " + name + " is named twice");
            }
            Principals requesters = principals(rule.get("requesters"), at + "/requesters",
                    "requesters", true);
            Duration max = duration(rule, at, "maxDuration", false, Duration.ofSeconds(1),
                    longest, longest);
            Optional<WorkingHours> hours = hours(rule.get("hours"), at + "/hours");
            if (name != null && requesters != null && max != null) {
                rules.add(new AutoApprovalRule(name, requesters, max, hours));
            }
        }
        return rules;
    }

    private Optional<WorkingHours> hours(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            problem(path, "hours must be a mapping with zone, days, from and to");
            return Optional.empty();
        }
        unknownFields(node, path, Set.of("zone", "days", "from", "to"));
        ZoneId zone = null;
        String zoneText = text(node, path, "zone", true);
        if (zoneText != null) {
            try {
                zone = ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                problem(path + "/zone", "must be a time zone such as Europe/Berlin");
            }
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        JsonNode dayList = node.get("days");
        if (dayList == null) {
            days = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        } else {
            for (String day : strings(dayList, path + "/days")) {
                DayOfWeek parsed = dayOfWeek(day);
                if (parsed == null) {
                    problem(path + "/days", "days must be MON, TUE, WED, THU, FRI, SAT or SUN");
                } else {
                    days.add(parsed);
                }
            }
        }
        LocalTime from = time(node, path, "from");
        LocalTime to = time(node, path, "to");
        if (from != null && to != null && !from.isBefore(to)) {
            problem(path + "/to", "must be later than from (hours cannot span midnight)");
        }
        if (zone == null || from == null || to == null || days.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new WorkingHours(zone, days, from, to));
    }

    private static DayOfWeek dayOfWeek(String text) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().substring(0, 3).equalsIgnoreCase(text)) {
                return day;
            }
        }
        return null;
    }

    private LocalTime time(JsonNode node, String path, String field) {
        String text = text(node, path, field, true);
        if (text == null) {
            return null;
        }
        if (!TIME.matcher(text).matches()) {
            problem(path + "/" + field, "must be a time HH:MM (24-hour), quoted in YAML");
            return null;
        }
        return LocalTime.parse(text);
    }

    private ExtensionRule extensions(JsonNode node, String path, Duration longest) {
        if (node == null || node.isNull()) {
            return ExtensionRule.NONE;
        }
        if (!node.isObject()) {
            problem(path, "extensions must be a mapping with maxCount, requiresApproval, "
                    + "totalMax");
            return ExtensionRule.NONE;
        }
        unknownFields(node, path, Set.of("maxCount", "requiresApproval", "totalMax"));
        int count = integer(node, path, "maxCount", 0, MAX_EXTENSIONS, null);
        boolean approval = bool(node, path, "requiresApproval", true);
        Duration total = duration(node, path, "totalMax", count > 0, longest, MAX_GRANT, longest);
        return total == null ? ExtensionRule.NONE : new ExtensionRule(count, approval, total);
    }

    private BreakGlassRule breakGlass(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return BreakGlassRule.NONE;
        }
        if (!node.isObject()) {
            problem(path, "breakGlass must be a mapping with allowed and reviewWithin");
            return BreakGlassRule.NONE;
        }
        unknownFields(node, path, Set.of("allowed", "reviewWithin"));
        boolean allowed = bool(node, path, "allowed", false);
        Duration review = duration(node, path, "reviewWithin", allowed, MIN_REVIEW, MAX_REVIEW,
                Duration.ofHours(24));
        return allowed && review != null ? new BreakGlassRule(true, review) : BreakGlassRule.NONE;
    }

    private Principals principals(JsonNode node, String path, String what, boolean required) {
        if (node == null || !node.isObject()) {
            problem(node == null ? parent(path) : path,
                    what + " must be a mapping with groups and/or roles");
            return null;
        }
        unknownFields(node, path, Set.of("groups", "roles"));
        List<String> groups = node.has("groups") ? strings(node.get("groups"), path + "/groups")
                : List.of();
        List<String> roles = node.has("roles") ? strings(node.get("roles"), path + "/roles")
                : List.of();
        for (int i = 0; i < groups.size(); i++) {
            if (!GROUP.matcher(groups.get(i)).matches()) {
                problem(path + "/groups/" + i, "must be a full group path such as /dba/leads");
            }
        }
        for (int i = 0; i < roles.size(); i++) {
            if (!ROLE.matcher(roles.get(i)).matches()) {
                problem(path + "/roles/" + i, "must be a realm role name without spaces");
            }
        }
        if (required && groups.isEmpty() && roles.isEmpty()) {
            problem(path, what + " must name at least one group or role");
            return null;
        }
        return new Principals(new ArrayList<>(new LinkedHashSet<>(groups)),
                new ArrayList<>(new LinkedHashSet<>(roles)));
    }

    private List<String> strings(JsonNode node, String path) {
        List<String> values = new ArrayList<>();
        if (!node.isArray()) {
            problem(path, "must be a list of strings");
            return values;
        }
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual() || node.get(i).asText().isBlank()) {
                problem(path + "/" + i, "must be a non-empty string");
            } else {
                values.add(node.get(i).asText().strip());
            }
        }
        return values;
    }

    private String text(JsonNode node, String path, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problem(path, field + " is required");
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            problem(path + "/" + field, "must be a non-empty string");
            return null;
        }
        return value.asText().strip();
    }

    private boolean bool(JsonNode node, String path, String field, boolean fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            problem(path + "/" + field, "must be true or false");
            return fallback;
        }
        return value.asBoolean();
    }

    private int integer(JsonNode node, String path, String field, int min, int max,
            Integer fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (fallback == null) {
                problem(path, field + " is required");
                return min;
            }
            return fallback;
        }
        if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            problem(path + "/" + field, "must be a whole number from " + min + " to " + max);
            return min;
        }
        return value.asInt();
    }

    private Duration duration(JsonNode node, String path, String field, boolean required,
            Duration min, Duration max, Duration fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problem(path, field + " is required");
                return null;
            }
            return fallback;
        }
        Duration parsed;
        try {
            parsed = value.isTextual() ? Duration.parse(value.asText().strip()) : null;
        } catch (DateTimeParseException e) {
            parsed = null;
        }
        String where = path + "/" + field;
        if (parsed == null) {
            problem(where, "must be an ISO-8601 duration such as PT30M, PT4H or P1D");
            return null;
        }
        if (parsed.getNano() != 0) {
            problem(where, "must be a whole number of seconds");
            return null;
        }
        if (parsed.compareTo(min) < 0 || parsed.compareTo(max) > 0) {
            problem(where, "must be from " + min + " to " + max);
            return null;
        }
        return parsed;
    }

    private void unknownFields(JsonNode node, String path, Set<String> known) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                problem(path + "/" + escape(name), "'" + name + "' is not a known field here; "
                        + "known: " + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    private JsonNode parse(String text, PolicyFormat format) {
        LocatedJson parsed = LocatedJson.read(text, format);
        lines = parsed.lines();
        problems.addAll(parsed.problems());
        // Null only when the text could not be read at all: after a duplicate key or an
        // unsupported value the rest is still checked, so every problem is listed at once.
        return parsed.root();
    }

    private void problem(String path, String rule) {
        problems.add(new PolicyProblem(lineOf(path), path, rule));
    }

    private int lineOf(String path) {
        for (String p = path; ; p = parent(p)) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isEmpty()) {
                return 0;
            }
        }
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "" : path.substring(0, slash);
    }

    private static String escape(String name) {
        return LocatedJson.escape(name);
    }
}
