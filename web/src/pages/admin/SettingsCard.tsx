import { Button, Card, Group, Stack, Title } from '@mantine/core';
import { type QueryKey, useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { FormAlert } from '../../components/FormAlert';
import { PageLoader } from '../../components/guards';
import { useAdminMutation } from '../../components/useAdminMutation';
import { useStaffT } from '../staff/i18n';

interface SettingsCardProps<T> {
  /** The card's heading element id (the section is labelled by it). */
  id: string;
  title: string;
  queryKey: QueryKey;
  load: () => Promise<T>;
  save: (value: T) => Promise<unknown>;
  /** The notice once saved. */
  saved: string;
  /** Fetch the setting again once saved (when others read it from the same query). */
  refetchOnSave?: boolean;
  /** The fields, over the draft being edited. */
  children: (draft: T, setDraft: (value: T) => void) => ReactNode;
}

/**
 * One administration setting as a card: loaded, edited as a draft, saved by its button with the
 * failure shown in the card.
 */
export function SettingsCard<T>({
  id,
  title,
  queryKey,
  load,
  save,
  saved,
  refetchOnSave = false,
  children,
}: SettingsCardProps<T>) {
  const { st } = useStaffT();
  const query = useQuery({ queryKey, queryFn: load });
  const [draft, setDraft] = useState<T | null>(null);
  useEffect(() => {
    if (query.data !== undefined) setDraft(query.data);
  }, [query.data]);
  const mutation = useAdminMutation({
    mutationFn: () => save(draft as T),
    success: saved,
    ...(refetchOnSave ? { invalidate: [queryKey] } : {}),
  });
  if (draft === null) return <PageLoader />;
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h3" id={id}>
            {title}
          </Title>
          {children(draft, setDraft)}
          <FormAlert message={mutation.error?.message ?? null} />
          <Group>
            <Button type="submit" loading={mutation.isPending}>
              {st('admin.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
