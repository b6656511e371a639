import { useSyncExternalStore } from 'react';

/**
 * When the session ends while someone works (it expired, or was closed from elsewhere), the
 * request the server refused waits here instead of failing: the sign-in dialog asks for the
 * password, and once signed in again every waiting request is sent again as it was. What was
 * typed stays in the page, and the action the person started completes.
 *
 * Only armed inside the signed-in frame: on the public pages a refusal is an ordinary answer.
 */

type Waiter = { resume: () => void; giveUp: () => void };

let armed = false;
let expired = false;
let waiting: Waiter[] = [];
const listeners = new Set<() => void>();

const changed = () => {
  for (const listener of listeners) listener();
};

export function armSessionExpiry(on: boolean): void {
  armed = on;
  if (!on && expired) {
    expired = false;
    giveUpWaiting();
  }
}

export const sessionExpiryArmed = (): boolean => armed;

/** The server no longer knows the session: remember it, show the dialog. */
export function markSessionExpired(): void {
  if (expired) return;
  expired = true;
  changed();
}

/**
 * Called by the API client for a request refused as not signed in: resolves to true once the
 * person has signed in again (send it again), false if they chose not to (report the refusal).
 */
export function waitForSignIn(): Promise<boolean> {
  markSessionExpired();
  return new Promise((resolve) => {
    waiting.push({ resume: () => resolve(true), giveUp: () => resolve(false) });
  });
}

/** Signed in again: the waiting requests go. */
export function sessionRestored(): void {
  expired = false;
  const resumed = waiting;
  waiting = [];
  for (const waiter of resumed) waiter.resume();
  changed();
}

/** The dialog was dismissed: waiting requests fail as they would have; the header stays signed out. */
export function giveUpWaiting(): void {
  const abandoned = waiting;
  waiting = [];
  for (const waiter of abandoned) waiter.giveUp();
  changed();
}

export function useSessionExpired(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => expired,
  );
}
