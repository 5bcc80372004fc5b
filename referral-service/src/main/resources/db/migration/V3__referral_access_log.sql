-- Who read a referral's client data (brief section 8: every read traceable). One row per read that
-- showed it, written in the request that read it: a staff member (user id, username, roles) or a
-- partner organisation (partner id, the public prefix of the API key used). Append-only.
CREATE TABLE referral_access_log (
    id           BIGSERIAL PRIMARY KEY,
    referral_id  UUID         NOT NULL REFERENCES referral (id),
    side         VARCHAR(20)  NOT NULL,
    user_id      VARCHAR(100),
    username     VARCHAR(300) NOT NULL,
    roles        VARCHAR(500) NOT NULL,
    partner_id   UUID,
    key_prefix   VARCHAR(20),
    accessed_at  TIMESTAMPTZ  NOT NULL,
    action       VARCHAR(40)  NOT NULL,
    CONSTRAINT referral_access_log_who CHECK (
        (side = 'REFERRING_SIDE' AND user_id IS NOT NULL AND partner_id IS NULL AND key_prefix IS NULL)
        OR (side = 'PARTNER' AND user_id IS NULL AND partner_id IS NOT NULL AND key_prefix IS NOT NULL))
);
CREATE INDEX referral_access_log_referral ON referral_access_log (referral_id, id);
