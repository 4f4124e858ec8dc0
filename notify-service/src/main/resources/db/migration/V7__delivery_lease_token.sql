-- Which claim leased a delivery row: a new token per claim. The sender renews the lease right before each send only
-- while the row still carries its own claim's token, so a row claimed again by another replica (its lease ran out
-- while a throttled batch waited) is mailed by that replica alone.
ALTER TABLE delivery ADD COLUMN lease_token UUID;
