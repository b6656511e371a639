/**
 * Answers the page asked for before the app's code arrived (src/http/early-data.ts). Each is
 * handed out once, to the first GET of the same URL, and only while the page is fresh: later the
 * app asks the server again, as it would have without them.
 */
interface EarlyAnswers {
  at: number;
  answers: Record<string, Promise<Response | null> | undefined>;
}

declare global {
  interface Window {
    guichetEarly?: EarlyAnswers;
  }
}

const freshForMs = 10_000;

export function takeEarlyAnswer(path: string): Promise<Response | null> | undefined {
  const early = typeof window === 'undefined' ? undefined : window.guichetEarly;
  const answer = early?.answers[path];
  if (!early || !answer) return undefined;
  delete early.answers[path];
  return Date.now() - early.at <= freshForMs ? answer : undefined;
}
