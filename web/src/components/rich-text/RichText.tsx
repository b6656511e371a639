import { Box } from '@mantine/core';
import classes from './rich-text.module.css';

/**
 * A message as the server rendered it. The HTML comes only from the server's one sanitiser
 * (src/rich-text/sanitise.ts): an allow-list without scripts, styles, handlers or foreign pictures.
 */
export function RichText({ html, mt, testId }: { html: string; mt?: string | number; testId?: string }) {
  return (
    <Box
      mt={mt}
      className={classes.richText}
      data-testid={testId}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server by the one allow-list
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
