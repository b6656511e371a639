import { Alert, Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { apiPost } from '../../api/client';
import { useAdminMutation } from '../../components/useAdminMutation';
import { useStaffT } from '../staff/i18n';

/**
 * Erasing a person's data cannot be undone: the administrator types the person's name to confirm,
 * and chooses whether the files they uploaded go too.
 */
export function ErasePersonDialog({
  person,
  onClose,
  refresh,
}: {
  person: { id: string; name: string };
  onClose: () => void;
  refresh: unknown[][];
}) {
  const { st } = useStaffT();
  const [typed, setTyped] = useState('');
  const [removeFiles, setRemoveFiles] = useState(false);
  const erase = useAdminMutation({
    mutationFn: () =>
      apiPost<unknown>(`/api/users/${person.id}/erasure`, { confirmName: typed.trim(), removeFiles }),
    success: st('admin.erasure.done'),
    invalidate: refresh,
    notifyError: true,
    onSuccess: onClose,
  });
  const confirmed = typed.trim() === person.name.trim();
  return (
    <Modal
      opened
      onClose={onClose}
      title={st('admin.erasure.title', { name: person.name })}
      closeButtonProps={{ 'aria-label': st('common.close') }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (confirmed) erase.mutate();
        }}
      >
        <Stack gap="sm">
          <Alert color="red" variant="light">
            <Text size="sm">{st('admin.erasure.warning')}</Text>
          </Alert>
          <TextInput
            label={st('admin.erasure.typeName', { name: person.name })}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            autoComplete="off"
            data-autofocus
          />
          <Checkbox
            label={st('admin.erasure.removeFiles')}
            checked={removeFiles}
            onChange={(e) => setRemoveFiles(e.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {st('admin.erasure.cancel')}
            </Button>
            <Button type="submit" color="red" disabled={!confirmed} loading={erase.isPending}>
              {st('admin.erasure.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
