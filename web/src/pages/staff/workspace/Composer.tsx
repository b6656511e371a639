import { Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { forwardRef, useImperativeHandle, useRef, useState } from 'react';
import { useMe } from '../../../api/session';
import { staffUsers } from '../../../api/staff';
import { sendMessage } from '../../../api/tickets';
import { FileDrop, UploadProgress } from '../../../components/files/FileDrop';
import { ModalOnceOpened } from '../../../components/ModalOnceOpened';
import { notify } from '../../../components/notify';
import { MarkdownEditor, type MarkdownEditorHandle } from '../../../components/rich-text/MarkdownEditor';
import { isPickerShortcut, useCannedAnswerInsertion } from '../canned-answers/useCannedAnswerInsertion';
import { useStaffT } from '../i18n';

export type ComposerMode = 'public' | 'internal';
export interface ComposerHandle {
  open(mode: ComposerMode): void;
}

/**
 * Answer or internal note: two tabs of different colours and labels, and a confirmation that
 * names which one is about to be sent. Ctrl+Enter sends.
 */
export const Composer = forwardRef<
  ComposerHandle,
  { ticketId: string; canAnswer: boolean; canNote: boolean; onSent: () => void }
>(function Composer({ ticketId, canAnswer, canNote, onSent }, ref) {
  const { st } = useStaffT();
  const [mode, setMode] = useState<ComposerMode>(canAnswer ? 'public' : 'internal');
  const [texts, setTexts] = useState<Record<ComposerMode, string>>({ public: '', internal: '' });
  const [files, setFiles] = useState<Record<ComposerMode, File[]>>({ public: [], internal: [] });
  const [progress, setProgress] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const areas = { public: useRef<HTMLTextAreaElement>(null), internal: useRef<HTMLTextAreaElement>(null) };
  const editors = {
    public: useRef<MarkdownEditorHandle>(null),
    internal: useRef<MarkdownEditorHandle>(null),
  };

  // Only internal notes are read for @mentions (src/app/notifications/message-notices.ts).
  const me = useMe();
  const staff = useQuery({ queryKey: ['staff-users'], queryFn: staffUsers, enabled: canNote });
  const colleagues = staff.data?.filter((u) => u.id !== me.id);

  const canned = useCannedAnswerInsertion(ticketId, (text) => editors[mode].current?.insert(text));

  useImperativeHandle(ref, () => ({
    open(next) {
      setMode(next);
      setTimeout(() => areas[next].current?.focus(), 50);
    },
  }));

  const send = useMutation({
    mutationFn: () => {
      setProgress(files[mode].length ? 0 : null);
      return sendMessage(
        ticketId,
        { body: texts[mode].trim(), format: 'markdown', visibility: mode },
        files[mode],
        setProgress,
      );
    },
    onSettled: () => setProgress(null),
    onSuccess: () => {
      setConfirming(false);
      setTexts((t) => ({ ...t, [mode]: '' }));
      setFiles((f) => ({ ...f, [mode]: [] }));
      // A status planned by a canned answer changes once the answer is in, then the page reloads.
      void canned.afterSend().then(onSent);
      notify({
        color: 'green',
        message: st(mode === 'public' ? 'composer.sentPublic' : 'composer.sentInternal'),
      });
    },
    onError: (error) => {
      setConfirming(false);
      notify({ color: 'red', message: error.message });
    },
  });

  const area = (m: ComposerMode) => (
    <MarkdownEditor
      ref={editors[m]}
      areaRef={areas[m]}
      label={st(m === 'public' ? 'composer.publicLabel' : 'composer.internalLabel')}
      description={st(m === 'public' ? 'composer.publicHint' : 'composer.internalHint')}
      minRows={4}
      value={texts[m]}
      mentionable={m === 'internal' ? colleagues : undefined}
      onChange={(value) => setTexts((t) => ({ ...t, [m]: value }))}
      onKeyDown={(e) => {
        if (isPickerShortcut(e)) {
          e.preventDefault();
          canned.openPicker();
          return;
        }
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && texts[m].trim()) {
          e.preventDefault();
          setConfirming(true);
        }
      }}
      inputStyle={m === 'internal' ? { background: 'var(--mantine-color-yellow-0)' } : undefined}
    />
  );
  const attach = (m: ComposerMode) => (
    <FileDrop
      files={files[m]}
      onChange={(chosen) => setFiles((f) => ({ ...f, [m]: chosen }))}
      disabled={send.isPending}
      pasteTarget={areas[m]}
      onPasted={(kept) => editors[m].current?.insertPictures(kept)}
    />
  );

  return (
    <Stack gap="xs" component="section" aria-labelledby="composer-title">
      <Text component="h2" fw={700} size="lg" id="composer-title">
        {st('composer.title')}
      </Text>
      <Tabs
        value={mode}
        onChange={(v) => v && setMode(v as ComposerMode)}
        color={mode === 'public' ? 'blue' : 'yellow'}
      >
        <Tabs.List>
          {canAnswer && (
            <Tabs.Tab value="public" color="blue">
              {st('composer.publicTab')}
            </Tabs.Tab>
          )}
          {canNote && (
            <Tabs.Tab value="internal" color="yellow.8">
              {st('composer.internalTab')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        {canAnswer && (
          <Tabs.Panel value="public" pt="xs">
            {area('public')}
            {attach('public')}
          </Tabs.Panel>
        )}
        {canNote && (
          <Tabs.Panel value="internal" pt="xs">
            {area('internal')}
            {attach('internal')}
          </Tabs.Panel>
        )}
      </Tabs>
      {canned.notices}
      <UploadProgress share={progress} />
      <Group>
        <Button
          color={mode === 'public' ? 'blue' : '#7a4f00'}
          disabled={!texts[mode].trim()}
          onClick={() => setConfirming(true)}
        >
          {st(mode === 'public' ? 'composer.sendPublic' : 'composer.sendInternal')}
        </Button>
        <Button variant="default" onClick={canned.openPicker}>
          {st('cannedAnswers.pickerButton')}
        </Button>
      </Group>
      {canned.picker}
      <ModalOnceOpened
        closeButtonProps={{ 'aria-label': st('common.close') }}
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={st(mode === 'public' ? 'composer.confirmPublicTitle' : 'composer.confirmInternalTitle')}
      >
        <Stack>
          <Text>{st(mode === 'public' ? 'composer.confirmPublic' : 'composer.confirmInternal')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {st('common.cancel')}
            </Button>
            <Button
              data-autofocus
              color={mode === 'public' ? 'blue' : '#7a4f00'}
              loading={send.isPending}
              onClick={() => send.mutate()}
            >
              {st(mode === 'public' ? 'composer.confirmPublicButton' : 'composer.confirmInternalButton')}
            </Button>
          </Group>
        </Stack>
      </ModalOnceOpened>
    </Stack>
  );
});
