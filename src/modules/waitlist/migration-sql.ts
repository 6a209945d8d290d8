// Outside migrations/: Medusa's migrator instantiates a migration file's first export.

/** Waitlists became opt-in: every session that already has entries keeps its waitlist (idempotent). */
export const ENABLE_SESSIONS_WITH_ENTRIES = `insert into "monetization_waitlist_setting" ("id", "scope", "ref_id", "enabled")
  select 'mwls_' || substr(md5(e."session_id"), 1, 26), 'session', e."session_id", true
  from (select distinct "session_id" from "monetization_waitlist_entry" where "deleted_at" is null) as e
  where not exists (select 1 from "monetization_waitlist_setting" s
                    where s."scope" = 'session' and s."ref_id" = e."session_id" and s."deleted_at" is null);`
