import { Button, Group, Select, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { TicketFilters } from '../../../api/tickets';
import { deleteView, listViews, type SavedView, saveView, viewsKey } from '../../../api/views';
import { useAdminMutation } from '../../../components/useAdminMutation';
import { useStaffT } from '../i18n';

/** Saved views of the queue: apply one, delete it, or save the current filters under a name. */
export function SavedViews({
  current,
  onApply,
}: {
  current: TicketFilters;
  onApply: (view: SavedView) => void;
}) {
  const { st } = useStaffT();
  const views = useQuery({ queryKey: viewsKey, queryFn: listViews });
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const save = useAdminMutation({
    mutationFn: () => {
      const { limit: _limit, ...filters } = current;
      return saveView(name.trim(), filters);
    },
    onSuccess: () => setName(''),
    success: st('views.saved'),
    invalidate: [viewsKey],
    notifyError: true,
  });
  const remove = useAdminMutation({
    mutationFn: (id: string) => deleteView(id),
    onSuccess: () => setChosen(null),
    invalidate: [viewsKey],
  });
  const items = views.data?.items ?? [];
  const selected = items.find((v) => v.id === chosen) ?? null;

  return (
    <Group align="flex-end" gap="sm" wrap="wrap" component="section" aria-label={st('views.title')}>
      <Select
        label={st('views.title')}
        placeholder={items.length ? st('views.choose') : st('views.none')}
        data={items.map((v) => ({ value: v.id, label: v.name }))}
        value={chosen}
        onChange={(id) => {
          setChosen(id);
          const view = items.find((v) => v.id === id);
          if (view) onApply(view);
        }}
        clearable
        disabled={items.length === 0}
      />
      {selected && (
        <Button variant="outline" color="red.9" onClick={() => remove.mutate(selected.id)}>
          {st('views.delete', { name: selected.name })}
        </Button>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) save.mutate();
        }}
        style={{ display: 'flex', gap: 8, alignItems: 'flex-end' }}
      >
        <TextInput
          label={st('views.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          maxLength={80}
        />
        <Button type="submit" variant="default" loading={save.isPending} disabled={!name.trim()}>
          {st('views.save')}
        </Button>
      </form>
    </Group>
  );
}
