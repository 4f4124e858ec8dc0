-- CANCELLED: never to be mailed, as the story was killed (news.publication.retracted.v1) before its alert went out.
ALTER TABLE delivery DROP CONSTRAINT delivery_status_check;
ALTER TABLE delivery ADD CONSTRAINT delivery_status_check
    CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'SUPPRESSED', 'CANCELLED'));
