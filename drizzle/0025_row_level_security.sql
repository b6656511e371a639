-- Row-level security for customer work (defence in depth behind the app's scoping helpers): a
-- customer's request runs in a transaction that sets guichet.company_id (transaction-local) and
-- switches to the guichet_customer role, which owns nothing and bypasses nothing, so these
-- policies apply even when the application connects as the tables' owner or as a superuser.
-- Staff, the worker and the mail pipeline run as the connecting user and are not limited here.
--
-- The role is cluster-wide and may already exist (another database of the cluster); a database
-- user without CREATEROLE cannot make it: the server then warns at start and customers are
-- limited by the app's scoping only (see README, Security).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'guichet_customer') THEN
    CREATE ROLE guichet_customer NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
  END IF;
EXCEPTION
  WHEN duplicate_object OR unique_violation THEN NULL;
  WHEN insufficient_privilege THEN RAISE NOTICE 'guichet_customer role not created: %', SQLERRM;
END $$;
--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'guichet_customer') THEN
    IF NOT pg_has_role(current_user, 'guichet_customer', 'MEMBER') THEN
      EXECUTE format('GRANT guichet_customer TO %I', current_user);
    END IF;
    GRANT USAGE ON SCHEMA public TO guichet_customer;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO guichet_customer;
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO guichet_customer;
    -- Tables and sequences of later migrations are open to the role too (their policies decide).
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO guichet_customer;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO guichet_customer;
  END IF;
EXCEPTION
  WHEN insufficient_privilege THEN RAISE NOTICE 'guichet_customer role not granted: %', SQLERRM;
END $$;
--> statement-breakpoint
-- The company of the customer acting; null (no rows) when none was set.
CREATE OR REPLACE FUNCTION guichet_current_company() RETURNS uuid
LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('guichet.company_id', true), '')::uuid $$;
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['tickets', 'attachments', 'projects', 'contracts', 'flex_ledger', 'time_entries']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY customer_company ON %I TO guichet_customer USING (company_id = guichet_current_company()) WITH CHECK (company_id = guichet_current_company())',
      t);
  END LOOP;
  -- Rows of a ticket are the ticket's company's: visible when the ticket is (its policy applies inside).
  FOREACH t IN ARRAY ARRAY['ticket_events', 'ticket_messages', 'ticket_sla', 'ticket_timers', 'ticket_search', 'inbound_mails']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY customer_company ON %I TO guichet_customer USING (EXISTS (SELECT 1 FROM tickets WHERE tickets.id = %I.ticket_id)) WITH CHECK (EXISTS (SELECT 1 FROM tickets WHERE tickets.id = %I.ticket_id))',
      t, t, t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['flex_alert_states', 'sla_overrides']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY customer_company ON %I TO guichet_customer USING (EXISTS (SELECT 1 FROM contracts WHERE contracts.id = %I.contract_id)) WITH CHECK (EXISTS (SELECT 1 FROM contracts WHERE contracts.id = %I.contract_id))',
      t, t, t);
  END LOOP;
END $$;
--> statement-breakpoint
ALTER TABLE companies ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY customer_company ON companies TO guichet_customer
  USING (id = guichet_current_company()) WITH CHECK (id = guichet_current_company());
--> statement-breakpoint
-- Customers see their colleagues and the staff (names on tickets), never another company's people.
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY customer_company ON users TO guichet_customer
  USING (company_id IS NULL OR company_id = guichet_current_company())
  WITH CHECK (company_id = guichet_current_company());
--> statement-breakpoint
-- Account requests belong to the company whose mail domain the address is at (as the app scopes them).
ALTER TABLE account_requests ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY customer_company ON account_requests TO guichet_customer
  USING (lower(split_part(email, '@', 2)) IN (
    SELECT lower(domain) FROM companies, unnest(companies.mail_domains) AS domain
    WHERE companies.id = guichet_current_company()))
  WITH CHECK (
    (company_id IS NULL OR company_id = guichet_current_company())
    AND lower(split_part(email, '@', 2)) IN (
      SELECT lower(domain) FROM companies, unnest(companies.mail_domains) AS domain
      WHERE companies.id = guichet_current_company()));
--> statement-breakpoint
-- Billing runs total every company: no customer policy, so nothing is visible to customers.
ALTER TABLE billing_runs ENABLE ROW LEVEL SECURITY;
