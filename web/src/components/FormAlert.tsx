import { Alert } from '@mantine/core';

/** The form-level message, announced to screen readers as soon as it appears. */
export function FormAlert({ message, color = 'red' }: { message: string | null; color?: string }) {
  if (!message) return null;
  return (
    <Alert color={color} role="alert" variant="light" data-testid="form-alert">
      {message}
    </Alert>
  );
}
