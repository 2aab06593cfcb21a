-- Reference data: the NHRI with an office per province and territory plus its national office, and one legal-aid
-- organisation per province and territory. Names of the legal-aid organisations are placeholders that an admin
-- replaces through /api/organisations.
INSERT INTO organisation (id, name, type, active) VALUES
    ('nhri', 'National Commission on the Rights of the Child', 'NHRI', TRUE),
    ('legal-aid-pb', 'Punjab Children''s Legal Aid Centre', 'LEGAL_AID', TRUE),
    ('legal-aid-sd', 'Sindh Children''s Legal Aid Centre', 'LEGAL_AID', TRUE),
    ('legal-aid-kp', 'Khyber Pakhtunkhwa Children''s Legal Aid Centre', 'LEGAL_AID', TRUE),
    ('legal-aid-ba', 'Balochistan Children''s Legal Aid Centre', 'LEGAL_AID', TRUE),
    ('legal-aid-is', 'Islamabad Capital Territory Children''s Legal Aid Centre', 'LEGAL_AID', TRUE),
    ('legal-aid-gb', 'Gilgit-Baltistan Children''s Legal Aid Centre', 'LEGAL_AID', TRUE),
    ('legal-aid-ajk', 'Azad Jammu and Kashmir Children''s Legal Aid Centre', 'LEGAL_AID', TRUE);

INSERT INTO office (organisation_id, code, name) VALUES
    ('nhri', 'NATIONAL', 'National office'),
    ('nhri', 'PB', 'Punjab office'),
    ('nhri', 'SD', 'Sindh office'),
    ('nhri', 'KP', 'Khyber Pakhtunkhwa office'),
    ('nhri', 'BA', 'Balochistan office'),
    ('nhri', 'IS', 'Islamabad Capital Territory office'),
    ('nhri', 'GB', 'Gilgit-Baltistan office'),
    ('nhri', 'AJK', 'Azad Jammu and Kashmir office'),
    ('legal-aid-pb', 'PB', 'Punjab'),
    ('legal-aid-sd', 'SD', 'Sindh'),
    ('legal-aid-kp', 'KP', 'Khyber Pakhtunkhwa'),
    ('legal-aid-ba', 'BA', 'Balochistan'),
    ('legal-aid-is', 'IS', 'Islamabad Capital Territory'),
    ('legal-aid-gb', 'GB', 'Gilgit-Baltistan'),
    ('legal-aid-ajk', 'AJK', 'Azad Jammu and Kashmir');
