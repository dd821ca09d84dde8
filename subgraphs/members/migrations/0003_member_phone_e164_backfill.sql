-- Custom migration (drizzle cannot express a data backfill): the E.164 form of phone numbers stored before
-- phone_e164 existed. Numbers written with a calling code keep their digits; Thai national numbers (a leading
-- trunk 0, 9 or 10 digits) take +66. Anything else stays null until it is next edited, when the service
-- validates it properly.
UPDATE "members"."member"
SET "phone_e164" = CASE
  WHEN btrim("phone") LIKE '+%' AND length(regexp_replace("phone", '\D', '', 'g')) BETWEEN 8 AND 15
    THEN '+' || regexp_replace("phone", '\D', '', 'g')
  WHEN regexp_replace("phone", '\D', '', 'g') ~ '^0[0-9]{8,9}$'
    THEN '+66' || substr(regexp_replace("phone", '\D', '', 'g'), 2)
END
WHERE "phone" IS NOT NULL AND "phone_e164" IS NULL;
