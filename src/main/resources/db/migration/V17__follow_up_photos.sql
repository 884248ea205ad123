-- Issue 15. A follow-up is completed with its outcome and, optionally, photos ("day 2: blanching
-- resolved"). Such a photo is the emergency's like any other (same consent rule, same envelope,
-- same viewing and chart), and names the follow-up it documents.

ALTER TABLE photo ADD COLUMN follow_up_id UUID REFERENCES follow_up (id);
CREATE INDEX photo_follow_up ON photo (follow_up_id);
