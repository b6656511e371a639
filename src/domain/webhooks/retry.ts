/**
 * When a failed delivery is tried again: base, 2·base, 4·base … capped, so a receiver that is away
 * for a day is still tried about once per cap, and an endpoint that keeps failing for
 * `disableAfterMs` is switched off.
 */
export function webhookRetryDelayMs(attempts: number, baseMs: number, capMs: number): number {
  const exponent = Math.min(Math.max(0, attempts - 1), 30);
  return Math.min(capMs, baseMs * 2 ** exponent);
}

/** An endpoint failing without a single success since `failingSince` is disabled once this is true. */
export function failedTooLong(failingSince: Date | null, now: Date, disableAfterMs: number): boolean {
  return failingSince !== null && now.getTime() - failingSince.getTime() >= disableAfterMs;
}

/** A response code the receiver accepted: any 2xx. Redirects are not followed (they could lead anywhere). */
export const acceptedStatus = (status: number): boolean => status >= 200 && status < 300;
