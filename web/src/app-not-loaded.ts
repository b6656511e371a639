/**
 * When the app's code cannot be loaded — a new release replaced the files this page names, or the
 * network dropped — the page reloads once by itself (the new page names the new files); if the code
 * still does not come, the frame says so and offers to reload. Plain DOM: nothing else has loaded.
 */
const texts = {
  fr: ["La page n'a pas pu se charger. Vérifiez votre connexion, puis rechargez-la.", 'Recharger la page'],
  de: [
    'Die Seite konnte nicht geladen werden. Prüfen Sie Ihre Verbindung und laden Sie sie neu.',
    'Seite neu laden',
  ],
  en: ['The page could not be loaded. Check your connection, then reload it.', 'Reload the page'],
} as const;

const reloadedKey = 'guichet-reloaded-at';
const reloadOnceWithinMs = 60_000;

export function appNotLoaded(): void {
  const reloadedAt = Number(sessionStorage.getItem(reloadedKey) ?? 0);
  if (Date.now() - reloadedAt > reloadOnceWithinMs) {
    sessionStorage.setItem(reloadedKey, String(Date.now()));
    location.reload();
    return;
  }
  const language = document.documentElement.lang;
  const [message, action] = texts[language === 'de' || language === 'en' ? language : 'fr'];
  const main = document.createElement('main');
  main.style.cssText = 'padding: 16px; font-family: system-ui, sans-serif;';
  const text = document.createElement('p');
  text.setAttribute('role', 'alert');
  text.textContent = message;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = action;
  button.addEventListener('click', () => location.reload());
  main.append(text, button);
  document.getElementById('root')?.append(main);
}
