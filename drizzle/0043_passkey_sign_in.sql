ALTER TABLE "webauthn_challenges" ALTER COLUMN "user_id" DROP NOT NULL;--> statement-breakpoint
CREATE INDEX "webauthn_challenges_challenge_idx" ON "webauthn_challenges" USING btree ("challenge");