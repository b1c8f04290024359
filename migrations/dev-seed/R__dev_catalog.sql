-- Dev catalog (dev and test profiles only): requestable entitlements mapped to realm roles of
-- the dev realm in keycloak-realm/. Re-applied whenever this file changes.

INSERT INTO entitlement (entitlement_key, name, description, connector, target,
                         min_duration_seconds, default_duration_seconds, max_duration_seconds,
                         required_approvals, ticket_required, pending_timeout_seconds)
VALUES
    ('prod-db-admin', 'Production database admin',
     'Administer the production PostgreSQL cluster.', 'keycloak-realm-role', 'prod-db-admin',
     900, 3600, 14400, 1, FALSE, 86400),
    ('payments-operator', 'Payments operator',
     'Operate the payments platform: refunds, payouts, reconciliation runs.',
     'keycloak-realm-role', 'payments-operator',
     900, 1800, 3600, 2, TRUE, 14400),
    ('staging-debug', 'Staging debug access',
     'Read logs and attach debuggers in staging.', 'keycloak-realm-role', 'staging-debug',
     60, 900, 28800, 1, FALSE, 86400)
ON CONFLICT (entitlement_key) DO UPDATE SET
    name = EXCLUDED.name, description = EXCLUDED.description, connector = EXCLUDED.connector,
    target = EXCLUDED.target, min_duration_seconds = EXCLUDED.min_duration_seconds,
    default_duration_seconds = EXCLUDED.default_duration_seconds,
    max_duration_seconds = EXCLUDED.max_duration_seconds,
    required_approvals = EXCLUDED.required_approvals,
    ticket_required = EXCLUDED.ticket_required,
    pending_timeout_seconds = EXCLUDED.pending_timeout_seconds;

INSERT INTO entitlement_audience (entitlement_key, purpose, kind, name)
VALUES
    ('prod-db-admin', 'REQUEST', 'ROLE', 'elevate-engineer'),
    ('prod-db-admin', 'APPROVE', 'ROLE', 'elevate-approver'),
    ('payments-operator', 'REQUEST', 'ROLE', 'elevate-engineer'),
    ('payments-operator', 'APPROVE', 'ROLE', 'elevate-approver'),
    ('staging-debug', 'REQUEST', 'GROUP', '/engineering'),
    ('staging-debug', 'APPROVE', 'ROLE', 'elevate-approver')
ON CONFLICT DO NOTHING;
