-- Instances keep recently used sessions in memory (src/app/auth/session-cache.ts). So that none
-- serves a session that has ended or an account as it no longer is, the database announces on the
-- `guichet_session_changed` channel every deleted or changed session and every change of what a
-- session carries about its account, whichever code or tool made the change. The notices leave at
-- commit; a rolled-back change announces nothing.
CREATE OR REPLACE FUNCTION guichet_announce_account_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('guichet_session_changed', json_build_object('userId', OLD.id)::text);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "users_session_changed" AFTER UPDATE ON "users" FOR EACH ROW
  WHEN ((OLD.active, OLD.role, OLD.company_id, OLD.is_manager, OLD.language, OLD.name, OLD.email, OLD.id)
        IS DISTINCT FROM (NEW.active, NEW.role, NEW.company_id, NEW.is_manager, NEW.language, NEW.name, NEW.email, NEW.id))
  EXECUTE FUNCTION guichet_announce_account_change();--> statement-breakpoint
CREATE TRIGGER "users_session_ended" AFTER DELETE ON "users" FOR EACH ROW
  EXECUTE FUNCTION guichet_announce_account_change();--> statement-breakpoint
-- One notice per session; a statement that removes many at once (the purge of expired sessions)
-- sends a single notice that no listener can read as one session, and listeners then forget all.
CREATE OR REPLACE FUNCTION guichet_announce_sessions_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT count(*) FROM changed_sessions) > 100 THEN
    PERFORM pg_notify('guichet_session_changed', '{"all":true}');
  ELSE
    PERFORM pg_notify('guichet_session_changed', json_build_object('sessionHash', token_hash)::text)
      FROM changed_sessions;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "sessions_deleted" AFTER DELETE ON "sessions"
  REFERENCING OLD TABLE AS changed_sessions FOR EACH STATEMENT
  EXECUTE FUNCTION guichet_announce_sessions_changed();--> statement-breakpoint
CREATE TRIGGER "sessions_updated" AFTER UPDATE ON "sessions"
  REFERENCING OLD TABLE AS changed_sessions FOR EACH STATEMENT
  EXECUTE FUNCTION guichet_announce_sessions_changed();
