/**
 * The frame index.html paints before the app's code runs: the header bar and, on a first screen,
 * the page's heading (written by the server, or by the page's early data for a ticket's subject).
 * Drawn again, identical, while the first page's code and data load, so that the heading a reader
 * already sees stays on screen instead of giving way to a spinner and coming back.
 */
export function FirstFrame() {
  const kicker = document.getElementById('first-kicker')?.textContent ?? '';
  const heading = document.getElementById('first-heading')?.textContent ?? '';
  // A visitor's page keeps the frame's narrow column (see index.html).
  const page = document.querySelector('.first-page')?.className ?? 'first-page';
  return (
    <>
      <div className="first-paint" aria-hidden="true">
        Guichet
      </div>
      <div className={page} aria-hidden="true">
        <p id="first-kicker">{kicker}</p>
        <div id="first-heading">{heading}</div>
      </div>
    </>
  );
}
