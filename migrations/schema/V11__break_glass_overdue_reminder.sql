-- When the overdue reminder for an unreviewed break-glass use went out; it goes out once.
ALTER TABLE break_glass_review ADD COLUMN reminded_at TIMESTAMPTZ;
