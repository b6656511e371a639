import { Alert, Code, Stack, Text } from '@mantine/core';

/**
 * A secret the server shows once, right after it is made (an API token, a webhook's signing key):
 * nothing when there is none, otherwise the secret with the advice to copy it now.
 */
export function SecretShownOnce({
  secret,
  title,
  hint,
  testId,
}: {
  secret: string | null;
  title: string;
  hint: string;
  testId: string;
}) {
  if (!secret) return null;
  return (
    <Alert color="green.9" role="status" title={title}>
      <Stack gap="xs">
        <Text size="sm">{hint}</Text>
        <Code block data-testid={testId}>
          {secret}
        </Code>
      </Stack>
    </Alert>
  );
}
