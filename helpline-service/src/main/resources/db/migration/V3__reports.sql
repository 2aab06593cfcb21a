-- Reports with their children and concerns. Reporter name and phone number are stored only encrypted
-- ("keyId:base64(iv | ciphertext | tag)", AES-256-GCM) with a keyed HMAC of the E.164 number for lookups.
CREATE TABLE report (
    id                      UUID PRIMARY KEY,
    reference               TEXT NOT NULL UNIQUE,
    external_id             TEXT,
    source                  TEXT NOT NULL,
    channel                 TEXT NOT NULL,
    received_at             TIMESTAMPTZ NOT NULL,
    received_offset_seconds INTEGER NOT NULL,
    accepted_at             TIMESTAMPTZ NOT NULL,
    created_by              TEXT NOT NULL,
    relationship            TEXT NOT NULL,
    preferred_language      TEXT NOT NULL,
    sms_consent             BOOLEAN NOT NULL,
    safe_to_contact         BOOLEAN NOT NULL,
    reporter_name_enc       TEXT,
    reporter_phone_enc      TEXT,
    reporter_phone_hash     TEXT,
    reporter_phone_status   TEXT,
    urgency                 TEXT NOT NULL,
    legal_aid_requested     BOOLEAN NOT NULL,
    narrative               TEXT NOT NULL,
    location_district       TEXT NOT NULL,
    location_province       TEXT NOT NULL,
    status                  TEXT NOT NULL,
    updated_at              TIMESTAMPTZ NOT NULL,
    version                 INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX report_received_at_idx ON report (received_at DESC);
CREATE INDEX report_external_id_idx ON report (external_id);
CREATE INDEX report_phone_hash_idx ON report (reporter_phone_hash);
CREATE INDEX report_location_idx ON report (location_province, location_district);

CREATE TABLE report_child (
    report_id UUID NOT NULL REFERENCES report (id),
    position  INTEGER NOT NULL,
    age_years INTEGER,
    gender    TEXT NOT NULL,
    district  TEXT NOT NULL,
    province  TEXT NOT NULL,
    PRIMARY KEY (report_id, position)
);

CREATE INDEX report_child_district_idx ON report_child (province, district);

CREATE TABLE report_concern (
    report_id UUID NOT NULL REFERENCES report (id),
    position  INTEGER NOT NULL,
    concern   TEXT NOT NULL,
    PRIMARY KEY (report_id, position)
);

CREATE INDEX report_concern_idx ON report_concern (concern);

-- Possible duplicates found at intake and links that operators made; one row per direction.
CREATE TABLE report_relation (
    report_id          UUID NOT NULL REFERENCES report (id),
    related_report_id  UUID NOT NULL REFERENCES report (id),
    possible_duplicate BOOLEAN NOT NULL,
    detected_at        TIMESTAMPTZ,
    linked_by          TEXT,
    linked_at          TIMESTAMPTZ,
    PRIMARY KEY (report_id, related_report_id)
);

-- Who read a reporter's name and phone number, and when.
CREATE TABLE contact_read (
    id        BIGSERIAL PRIMARY KEY,
    report_id UUID NOT NULL REFERENCES report (id),
    read_by   TEXT NOT NULL,
    read_at   TIMESTAMPTZ NOT NULL
);

CREATE INDEX contact_read_report_idx ON contact_read (report_id);

-- The case timeline: filing, corrections, notes, links and referral status changes.
CREATE TABLE case_event (
    id              BIGSERIAL PRIMARY KEY,
    report_id       UUID NOT NULL REFERENCES report (id),
    occurred_at     TIMESTAMPTZ NOT NULL,
    kind            TEXT NOT NULL,
    actor           TEXT NOT NULL,
    summary         TEXT,
    referral_id     TEXT,
    destination     TEXT,
    from_status     TEXT,
    to_status       TEXT,
    source_event_id UUID UNIQUE
);

CREATE INDEX case_event_report_idx ON case_event (report_id, occurred_at);

-- Events waiting to be published to Kafka, written in the same transaction as the change that caused them.
CREATE TABLE outbox_event (
    id          BIGSERIAL PRIMARY KEY,
    event_id    UUID NOT NULL UNIQUE,
    topic       TEXT NOT NULL,
    record_key  TEXT NOT NULL,
    event_type  TEXT NOT NULL,
    payload     TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    sent_at     TIMESTAMPTZ,
    attempts    INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX outbox_event_unsent_idx ON outbox_event (id) WHERE sent_at IS NULL;

-- Responses of the public intake by Idempotency-Key, so that a retried request gets the first response.
CREATE TABLE idempotency_record (
    idempotency_key TEXT PRIMARY KEY,
    request_hash    TEXT NOT NULL,
    report_id       UUID NOT NULL REFERENCES report (id),
    response_status INTEGER NOT NULL,
    response_body   TEXT NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);

-- Free-text SMS passed on by notification-service, until an operator handles them or turns them into a report.
CREATE TABLE incoming_sms (
    id          UUID PRIMARY KEY,
    sender_enc  TEXT NOT NULL,
    sender_hash TEXT NOT NULL,
    text        TEXT NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    status      TEXT NOT NULL,
    handled_by  TEXT,
    handled_at  TIMESTAMPTZ,
    note        TEXT,
    report_id   UUID REFERENCES report (id)
);

CREATE INDEX incoming_sms_received_idx ON incoming_sms (received_at DESC);
