-- Shared with Me counts and pages a recipient's shares per sharer from these indexes alone
-- (lib/sharing/received.ts): no table row is read for the per-sharer count.
CREATE INDEX `shares_recipient_sharer_idx` ON `shares` (`recipient_id`,`sharer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `shares_addressed_sharer_idx` ON `shares` (`recipient_email`,`recipient_id`,`sharer_id`,`created_at`);
