-- Reporters who consented to SMS about a case. The mobile number is encrypted at rest (AES-256-GCM, key id kept so
-- keys can rotate) and also kept as a keyed hash, so that incoming SMS and opt-outs can find it without decrypting.
CREATE TABLE subscription (
    id                 UUID PRIMARY KEY,
    reference          VARCHAR(16)  NOT NULL UNIQUE,
    case_id            UUID,
    mobile_key_id      VARCHAR(32)  NOT NULL,
    mobile_ciphertext  TEXT         NOT NULL,
    mobile_hash        VARCHAR(64)  NOT NULL,
    language           VARCHAR(8)   NOT NULL,
    safe_to_contact    BOOLEAN      NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX subscription_mobile_hash ON subscription (mobile_hash);

-- Numbers that sent STOP, as keyed hashes only: no later event or replay subscribes them again.
CREATE TABLE opt_out (
    mobile_hash  VARCHAR(64) PRIMARY KEY,
    opted_out_at TIMESTAMPTZ NOT NULL
);

-- Updates of a case that reporters hear about (REFERRED, ACCEPTED, CLOSED), one of each kind per case. Kept even when
-- no subscription exists yet, because a status event can overtake the subscription it belongs to.
CREATE TABLE case_update (
    reference   VARCHAR(16) NOT NULL,
    kind        VARCHAR(16) NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    event_id    UUID        NOT NULL,
    PRIMARY KEY (reference, kind)
);

-- Outgoing SMS, stored before they are sent. One per subscription and update kind, so redelivered events send
-- nothing twice; replies to incoming SMS are unique per incoming SMS and kind.
CREATE TABLE sms_message (
    id                     UUID PRIMARY KEY,
    subscription_id        UUID REFERENCES subscription (id) ON DELETE SET NULL,
    reply_to               UUID,
    reference              VARCHAR(16),
    kind                   VARCHAR(24)  NOT NULL,
    language               VARCHAR(8)   NOT NULL,
    discreet               BOOLEAN      NOT NULL,
    sender_id              VARCHAR(16)  NOT NULL,
    destination_key_id     VARCHAR(32)  NOT NULL,
    destination_ciphertext TEXT         NOT NULL,
    destination_hash       VARCHAR(64)  NOT NULL,
    text                   TEXT         NOT NULL,
    data_coding            SMALLINT     NOT NULL,
    parts                  SMALLINT     NOT NULL,
    status                 VARCHAR(16)  NOT NULL,
    attempts               INTEGER      NOT NULL DEFAULT 0,
    resend_count           INTEGER      NOT NULL DEFAULT 0,
    last_error             VARCHAR(200),
    created_at             TIMESTAMPTZ  NOT NULL,
    not_before             TIMESTAMPTZ  NOT NULL,
    submitted_at           TIMESTAMPTZ,
    in_doubt_since         TIMESTAMPTZ,
    completed_at           TIMESTAMPTZ,
    CONSTRAINT sms_message_once_per_update UNIQUE (subscription_id, kind),
    CONSTRAINT sms_message_once_per_reply UNIQUE (reply_to, kind)
);
CREATE INDEX sms_message_due ON sms_message (status, not_before);
CREATE INDEX sms_message_reference ON sms_message (reference);
CREATE INDEX sms_message_destination ON sms_message (destination_hash, kind, created_at);

-- One row per submit_sm of a message. user_reference goes out as user_message_reference, so that a receipt for a part
-- whose response was lost can still be matched.
CREATE TABLE sms_part (
    id               UUID PRIMARY KEY,
    message_id       UUID        NOT NULL REFERENCES sms_message (id) ON DELETE CASCADE,
    seq              SMALLINT    NOT NULL,
    status           VARCHAR(16) NOT NULL,
    smsc_message_id  VARCHAR(65),
    user_reference   INTEGER     NOT NULL,
    submitted_at     TIMESTAMPTZ,
    receipt_at       TIMESTAMPTZ,
    UNIQUE (message_id, seq)
);
CREATE INDEX sms_part_smsc_message_id ON sms_part (smsc_message_id);
CREATE INDEX sms_part_user_reference ON sms_part (user_reference) WHERE status = 'SENDING';

-- Incoming SMS by keyed hash of the sender, for the per-number acknowledgement limit and the statistics.
CREATE TABLE incoming_sms (
    id          UUID PRIMARY KEY,
    from_hash   VARCHAR(64) NOT NULL,
    kind        VARCHAR(16) NOT NULL,
    received_at TIMESTAMPTZ NOT NULL
);

-- Events to publish, written in the same transaction as the change that caused them and relayed to Kafka.
CREATE TABLE outbox (
    id           UUID PRIMARY KEY,
    topic        VARCHAR(100) NOT NULL,
    record_key   VARCHAR(100) NOT NULL,
    payload      TEXT         NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    published_at TIMESTAMPTZ
);
CREATE INDEX outbox_unpublished ON outbox (created_at) WHERE published_at IS NULL;
