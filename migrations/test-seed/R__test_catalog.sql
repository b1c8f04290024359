-- Test-only catalog entries: short durations so the scheduler's work can be watched in seconds.

INSERT INTO entitlement (entitlement_key, name, description, connector, target,
                         min_duration_seconds, default_duration_seconds, max_duration_seconds,
                         required_approvals, ticket_required, pending_timeout_seconds)
VALUES
    ('quick-debug', 'Quick debug (tests)', 'Short-lived grant of staging-debug for tests.',
     'keycloak-realm-role', 'staging-debug', 2, 60, 600, 1, FALSE, 3600),
    ('short-pending', 'Short pending window (tests)', 'Times out after a few seconds.',
     'keycloak-realm-role', 'staging-debug', 2, 60, 600, 1, FALSE, 3)
ON CONFLICT (entitlement_key) DO NOTHING;

INSERT INTO entitlement_audience (entitlement_key, purpose, kind, name)
VALUES
    ('quick-debug', 'REQUEST', 'ROLE', 'elevate-engineer'),
    ('quick-debug', 'APPROVE', 'ROLE', 'elevate-approver'),
    ('short-pending', 'REQUEST', 'ROLE', 'elevate-engineer'),
    ('short-pending', 'APPROVE', 'ROLE', 'elevate-approver')
ON CONFLICT DO NOTHING;

-- A target role that does not exist in Keycloak: every grant attempt fails.
INSERT INTO entitlement (entitlement_key, name, description, connector, target,
                         min_duration_seconds, default_duration_seconds, max_duration_seconds,
                         required_approvals, ticket_required, pending_timeout_seconds)
VALUES ('broken-target', 'Broken target (tests)', 'Maps to a realm role that is missing.',
        'keycloak-realm-role', 'no-such-role', 2, 60, 600, 1, FALSE, 3600)
ON CONFLICT (entitlement_key) DO NOTHING;

INSERT INTO entitlement_audience (entitlement_key, purpose, kind, name)
VALUES ('broken-target', 'REQUEST', 'ROLE', 'elevate-engineer'),
       ('broken-target', 'APPROVE', 'ROLE', 'elevate-approver')
ON CONFLICT DO NOTHING;
