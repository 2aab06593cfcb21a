-- Organisations that receive referrals, and their offices (a province or territory code, or NATIONAL).
CREATE TABLE organisation (
    id     VARCHAR(64) PRIMARY KEY,
    name   VARCHAR(200) NOT NULL,
    type   VARCHAR(64) NOT NULL,
    active BOOLEAN NOT NULL DEFAULT TRUE
);

CREATE TABLE office (
    organisation_id VARCHAR(64) NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    code            VARCHAR(16) NOT NULL,
    name            VARCHAR(200) NOT NULL,
    PRIMARY KEY (organisation_id, code)
);

-- Every saved version of the routing rules; the highest version is in force.
CREATE TABLE routing_rule_set (
    version  INT PRIMARY KEY,
    rules    JSONB NOT NULL,
    saved_at TIMESTAMPTZ NOT NULL,
    saved_by VARCHAR(100) NOT NULL
);

CREATE TABLE referral (
    id               UUID PRIMARY KEY,
    case_id          UUID NOT NULL,
    reference        VARCHAR(16) NOT NULL,
    destination_type VARCHAR(64) NOT NULL,
    organisation_id  VARCHAR(64) NOT NULL REFERENCES organisation (id),
    office           VARCHAR(16) NOT NULL,
    province         VARCHAR(8),
    priority         VARCHAR(16) NOT NULL,
    status           VARCHAR(16) NOT NULL,
    report_accepted_at TIMESTAMPTZ NOT NULL,
    deadline         TIMESTAMPTZ NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    claimed_by       VARCHAR(100),
    claimed_at       TIMESTAMPTZ,
    escalated_at     TIMESTAMPTZ,
    outcome          VARCHAR(64),
    transferred_from UUID REFERENCES referral (id),
    rules_version    INT,
    report           JSONB NOT NULL,
    version          BIGINT NOT NULL DEFAULT 0
);

CREATE INDEX referral_queue ON referral (organisation_id, office, deadline);
CREATE INDEX referral_case ON referral (case_id);
CREATE INDEX referral_pending_deadline ON referral (deadline) WHERE status = 'PENDING';

-- Who changed a referral's status, when and why. late_by_seconds is set when a referral is claimed after its deadline.
CREATE TABLE referral_history (
    id              BIGSERIAL PRIMARY KEY,
    referral_id     UUID NOT NULL REFERENCES referral (id),
    from_status     VARCHAR(16),
    to_status       VARCHAR(16) NOT NULL,
    changed_at      TIMESTAMPTZ NOT NULL,
    changed_by      VARCHAR(100) NOT NULL,
    reason          VARCHAR(2000),
    outcome         VARCHAR(64),
    late_by_seconds BIGINT
);

CREATE INDEX referral_history_referral ON referral_history (referral_id, id);

CREATE TABLE referral_note (
    id          BIGSERIAL PRIMARY KEY,
    referral_id UUID NOT NULL REFERENCES referral (id),
    written_at  TIMESTAMPTZ NOT NULL,
    written_by  VARCHAR(100) NOT NULL,
    text        VARCHAR(4000) NOT NULL
);

CREATE INDEX referral_note_referral ON referral_note (referral_id, id);

-- Kafka records waiting for the relay, published in id order.
CREATE TABLE outbox_event (
    id           BIGSERIAL PRIMARY KEY,
    topic        VARCHAR(249) NOT NULL,
    record_key   VARCHAR(200),
    payload      BYTEA NOT NULL,
    headers      JSONB,
    created_at   TIMESTAMPTZ NOT NULL,
    published_at TIMESTAMPTZ,
    attempts     INT NOT NULL DEFAULT 0,
    last_error   VARCHAR(1000)
);

CREATE INDEX outbox_event_unpublished ON outbox_event (id) WHERE published_at IS NULL;
