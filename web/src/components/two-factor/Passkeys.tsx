import { Button, Group, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../src/i18n/format';
import { PasskeyCeremonyError, signInWithPasskey } from '../../api/passkeys';
import type { SignedIn, TwoFactorStatus } from '../../api/two-factor';
import { FormAlert } from '../FormAlert';

type Passkey = TwoFactorStatus['passkeys'][number];

/** The message for a failed passkey step: the browser's refusal in plain words, else the portal's. */
export function usePasskeyFailure() {
  const { t } = useTranslation();
  return (error: unknown) =>
    error instanceof PasskeyCeremonyError
      ? t('twoFactor.passkeyCancelled')
      : error instanceof Error
        ? error.message
        : String(error);
}

/** A name and a button: the browser then asks for the fingerprint, face, PIN or security key. */
export function NewPasskeyForm({ onAdd }: { onAdd: (name: string) => Promise<void> }) {
  const { t } = useTranslation();
  const explain = usePasskeyFailure();
  const [name, setName] = useState('');
  const [nameMissing, setNameMissing] = useState(false);
  const add = useMutation({ mutationFn: onAdd, onSuccess: () => setName('') });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setNameMissing(!name.trim());
    if (name.trim()) add.mutate(name.trim());
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert
          message={nameMissing ? t('twoFactor.passkeyNameMissing') : add.error ? explain(add.error) : null}
        />
        <TextInput
          label={t('twoFactor.passkeyName')}
          description={t('twoFactor.passkeyNameHint')}
          required
          maxLength={60}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          w={300}
        />
        <Group>
          <Button type="submit" loading={add.isPending}>
            {t('twoFactor.addPasskey')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The person's passkeys, each renamed or removed (after confirmation), and a form to add one. */
export function PasskeyList({
  passkeys,
  onAdd,
  onRename,
  onRemove,
}: {
  passkeys: Passkey[];
  onAdd: (name: string) => Promise<void>;
  onRename: (key: Passkey, name: string) => Promise<void>;
  onRemove: (key: Passkey) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const [renaming, setRenaming] = useState<Passkey | null>(null);
  const [removing, setRemoving] = useState<Passkey | null>(null);
  return (
    <Stack gap="sm" data-testid="passkeys">
      <Title order={3} size="h4">
        {t('twoFactor.passkeysTitle')}
      </Title>
      <Text size="sm">{t('twoFactor.passkeysHelp')}</Text>
      {passkeys.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('twoFactor.noPasskeys')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {passkeys.map((key) => (
            <Paper key={key.id} withBorder p="sm" radius="sm" component="li" data-testid="passkey">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {key.name}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t('twoFactor.passkeyAddedOn', { date: formatDateTime(key.createdAt, i18n.language) })}
                    {' · '}
                    {key.lastUsedAt
                      ? t('twoFactor.passkeyLastUsed', {
                          date: formatDateTime(key.lastUsedAt, i18n.language),
                        })
                      : t('twoFactor.passkeyNeverUsed')}
                  </Text>
                </Stack>
                <Group gap="xs">
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={t('twoFactor.renamePasskeyOf', { name: key.name })}
                    onClick={() => setRenaming(key)}
                  >
                    {t('twoFactor.renamePasskey')}
                  </Button>
                  <Button
                    size="xs"
                    variant="light"
                    color="red"
                    aria-label={t('twoFactor.removePasskey', { name: key.name })}
                    onClick={() => setRemoving(key)}
                  >
                    {t('twoFactor.remove')}
                  </Button>
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      <NewPasskeyForm onAdd={onAdd} />
      {renaming && <RenameDialog passkey={renaming} onClose={() => setRenaming(null)} onRename={onRename} />}
      {removing && <RemoveDialog passkey={removing} onClose={() => setRemoving(null)} onRemove={onRemove} />}
    </Stack>
  );
}

function RenameDialog({
  passkey,
  onClose,
  onRename,
}: {
  passkey: Passkey;
  onClose: () => void;
  onRename: (key: Passkey, name: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const explain = usePasskeyFailure();
  const [name, setName] = useState(passkey.name);
  const [nameMissing, setNameMissing] = useState(false);
  const rename = useMutation({ mutationFn: (value: string) => onRename(passkey, value), onSuccess: onClose });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setNameMissing(!name.trim());
    if (name.trim()) rename.mutate(name.trim());
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('twoFactor.renamePasskeyOf', { name: passkey.name })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormAlert
            message={
              nameMissing ? t('twoFactor.passkeyNameMissing') : rename.error ? explain(rename.error) : null
            }
          />
          <TextInput
            label={t('twoFactor.passkeyName')}
            required
            maxLength={60}
            data-autofocus
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={rename.isPending}>
              {t('twoFactor.saveName')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function RemoveDialog({
  passkey,
  onClose,
  onRemove,
}: {
  passkey: Passkey;
  onClose: () => void;
  onRemove: (key: Passkey) => Promise<void>;
}) {
  const { t } = useTranslation();
  const explain = usePasskeyFailure();
  const remove = useMutation({ mutationFn: () => onRemove(passkey), onSuccess: onClose });
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('twoFactor.removePasskey', { name: passkey.name })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <FormAlert message={remove.error ? explain(remove.error) : null} />
        <Text>{t('twoFactor.removePasskeyConfirm')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
            {t('twoFactor.remove')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The passkey as the second step: the browser asks for it, the portal checks its signature. */
export function PasskeyButton({ onSignedIn }: { onSignedIn: (signedIn: SignedIn) => void }) {
  const { t } = useTranslation();
  const explain = usePasskeyFailure();
  const step = useMutation({ mutationFn: signInWithPasskey, onSuccess: onSignedIn });
  return (
    <Stack gap="sm">
      <FormAlert message={step.error ? explain(step.error) : null} />
      <Text>{t('twoFactor.passkeySignInHelp')}</Text>
      <div>
        <Button onClick={() => step.mutate()} loading={step.isPending}>
          {t('twoFactor.usePasskey')}
        </Button>
      </div>
    </Stack>
  );
}
