-- A paused reader stays subscribed (ACTIVE, links working) but is sent no edition and no alert until they resume.
ALTER TABLE subscriber ADD COLUMN paused boolean NOT NULL DEFAULT false;

-- The site's sections as notify has seen them in publications and editions: what the preferences page offers as
-- topics. key is the form subscribers' topics and the fan-out compare; name is how the site spells it.
CREATE TABLE section (
    key          text PRIMARY KEY,
    name         text NOT NULL,
    last_seen_at timestamptz NOT NULL
);
