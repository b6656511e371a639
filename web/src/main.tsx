// The component library's styles are the page's own: the frame index.html paints and the app
// share them, and the first render never shows unstyled components.
import './mantine-styles';
import { appNotLoaded } from './app-not-loaded';
import { askForFirstScreenCode } from './first-code';

// The app's code (named by the page, see src/http/web-page.ts) is asked for and run once the
// browser has painted the page's frame: on a phone, evaluating it takes most of a second, during
// which the reader already sees the portal instead of a blank screen.
requestAnimationFrame(() => {
  setTimeout(() => {
    askForFirstScreenCode()
      .then(() => import('./app'))
      .catch(appNotLoaded);
  }, 0);
});
