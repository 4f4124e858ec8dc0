-- Reader feedback: grades of publications (1-5) and letters to the editor.
CREATE TABLE grade (
    id             BIGSERIAL PRIMARY KEY,
    publication_id UUID         NOT NULL,
    grade          SMALLINT     NOT NULL CHECK (grade BETWEEN 1 AND 5),
    client         VARCHAR(100),
    created_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX grade_publication ON grade (publication_id);

CREATE TABLE letter (
    id             UUID PRIMARY KEY,
    name           VARCHAR(200)  NOT NULL,
    email          VARCHAR(320)  NOT NULL,
    publication_id UUID,
    text           TEXT          NOT NULL,
    client         VARCHAR(100),
    created_at     TIMESTAMPTZ   NOT NULL
);
CREATE INDEX letter_inbox ON letter (created_at DESC, id DESC);
