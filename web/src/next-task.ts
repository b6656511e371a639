/**
 * Resolves in a later task of the browser's event loop. Starting the app is cut in such steps so
 * that no single one holds the main thread long: a phone answers a tap between them.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
