-- Embedded in every unsubscribe/preferences token: raising it revokes all links mailed so far (the reader signed out
-- every link, or subscribed again after leaving).
ALTER TABLE subscriber ADD COLUMN token_version INTEGER NOT NULL DEFAULT 0;
