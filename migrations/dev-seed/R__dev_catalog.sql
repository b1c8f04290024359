-- Dev catalog (dev and test profiles only): requestable entitlements mapped to realm roles of
-- the dev realm in keycloak-realm/, each with version 1 of its policy. Re-applied whenever
-- this file changes; policy versions that exist already are left alone, so changes made
-- through Elevate survive (delete .elevate/ to start over).

INSERT INTO entitlement (entitlement_key, name, description, connector, target)
VALUES
    ('prod-db-admin', 'Production database admin',
     'Administer the production PostgreSQL cluster.', 'keycloak-realm-role', 'prod-db-admin'),
    ('payments-operator', 'Payments operator',
     'Operate the payments platform: refunds, payouts, reconciliation runs.',
     'keycloak-realm-role', 'payments-operator'),
    ('staging-debug', 'Staging debug access',
     'Read logs and attach debuggers in staging.', 'keycloak-realm-role', 'staging-debug'),
    ('payments-deploy', 'Deploy payments',
     'Roll out releases of the payments platform.', 'keycloak-realm-role', 'payments-deployer'),
    ('payments-release-approve', 'Approve payments releases',
     'Sign off payments releases for production.', 'keycloak-realm-role',
     'payments-release-approver')
ON CONFLICT (entitlement_key) DO UPDATE SET
    name = EXCLUDED.name, description = EXCLUDED.description, connector = EXCLUDED.connector,
    target = EXCLUDED.target;

INSERT INTO policy_version (entitlement_key, version, state, document, author_username,
                            confirmed_by_username, activated_at)
VALUES
    ('prod-db-admin', 1, 'ACTIVE', '{
        "entitlement": "prod-db-admin", "risk": "high",
        "requesters": {"groups": ["/engineering"], "roles": []},
        "duration": {"min": "PT15M", "default": "PT1H", "max": "PT4H"},
        "pendingTimeout": "PT24H", "ticketRequired": false,
        "steps": [
            {"name": "dba-lead", "approvers": {"groups": ["/dba/leads"], "roles": []},
             "approvals": 1},
            {"name": "security", "approvers": {"groups": ["/security/leads"], "roles": []},
             "approvals": 1}],
        "conflicts": [], "approversMustNotHold": true,
        "stepUp": {"maxAge": "PT5M"}, "autoApproval": [],
        "extensions": {"maxCount": 1, "requiresApproval": true, "totalMax": "PT6H"},
        "breakGlass": {"allowed": true, "reviewWithin": "PT24H"},
        "maxStartDelay": "P7D"}', 'seed', 'seed', now()),
    ('payments-operator', 1, 'ACTIVE', '{
        "entitlement": "payments-operator", "risk": "high",
        "requesters": {"groups": [], "roles": ["elevate-engineer"]},
        "duration": {"min": "PT15M", "default": "PT30M", "max": "PT1H"},
        "pendingTimeout": "PT4H", "ticketRequired": true,
        "steps": [{"name": "approvers", "approvers": {"groups": ["/approvers"], "roles": []},
                   "approvals": 2}],
        "conflicts": [], "approversMustNotHold": true, "autoApproval": [],
        "maxStartDelay": "P7D"}', 'seed', 'seed', now()),
    ('staging-debug', 1, 'ACTIVE', '{
        "entitlement": "staging-debug", "risk": "low",
        "requesters": {"groups": ["/engineering"], "roles": []},
        "duration": {"min": "PT1M", "default": "PT15M", "max": "PT8H"},
        "pendingTimeout": "PT24H", "ticketRequired": false,
        "steps": [{"name": "approvers", "approvers": {"groups": [], "roles": ["elevate-approver"]},
                   "approvals": 1}],
        "conflicts": [], "approversMustNotHold": false,
        "autoApproval": [{"name": "on-call", "requesters": {"groups": ["/engineering/oncall"],
                          "roles": []}, "maxDuration": "PT1H"}],
        "extensions": {"maxCount": 3, "requiresApproval": false, "totalMax": "PT8H"},
        "maxStartDelay": "P7D"}', 'seed', 'seed', now()),
    ('payments-deploy', 1, 'ACTIVE', '{
        "entitlement": "payments-deploy", "risk": "medium",
        "requesters": {"groups": [], "roles": ["elevate-engineer"]},
        "duration": {"min": "PT15M", "default": "PT1H", "max": "PT4H"},
        "pendingTimeout": "PT24H", "ticketRequired": false,
        "steps": [{"name": "approvers", "approvers": {"groups": ["/approvers"], "roles": []},
                   "approvals": 1}],
        "conflicts": ["payments-release-approve"], "approversMustNotHold": true,
        "autoApproval": [], "maxStartDelay": "P7D"}', 'seed', 'seed', now()),
    ('payments-release-approve', 1, 'ACTIVE', '{
        "entitlement": "payments-release-approve", "risk": "medium",
        "requesters": {"groups": ["/payments/release-managers"], "roles": []},
        "duration": {"min": "PT15M", "default": "PT1H", "max": "PT4H"},
        "pendingTimeout": "PT24H", "ticketRequired": false,
        "steps": [{"name": "approvers", "approvers": {"groups": ["/approvers"], "roles": []},
                   "approvals": 1}],
        "conflicts": ["payments-deploy"], "approversMustNotHold": true,
        "autoApproval": [], "maxStartDelay": "P7D"}', 'seed', 'seed', now())
ON CONFLICT (entitlement_key, version) DO NOTHING;
