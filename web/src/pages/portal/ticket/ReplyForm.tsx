import { Alert, Button, Paper, Stack, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { replyToTicket, type Ticket } from '../../../api/tickets';
import { FormAlert } from '../../../components/FormAlert';
import { FileDrop, UploadProgress } from '../../../components/files/FileDrop';
import { notify } from '../../../components/notify';
import { MarkdownEditor, type MarkdownEditorHandle } from '../../../components/rich-text/MarkdownEditor';
import { useErrorText } from '../shared';
import { useRefreshTicket } from './useRefreshTicket';

export function ReplyForm({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const refresh = useRefreshTicket(ticket.id);
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const area = useRef<HTMLTextAreaElement>(null);
  const editor = useRef<MarkdownEditorHandle>(null);
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [sending, setSending] = useState(false);

  const send = async (event: React.FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (!body.trim()) {
      setError(t('validation.required'));
      return;
    }
    setError(null);
    setSending(true);
    setProgress(files.length > 0 ? 0 : null);
    try {
      await replyToTicket(ticket.id, body, files, setProgress);
      setBody('');
      setFiles([]);
      await refresh();
      notify({ color: 'green', message: t('portal:ticket.replySent') });
    } catch (e) {
      const field = e instanceof ApiError ? e.fields.find((f) => f.path === 'body') : undefined;
      if (field) setError(field.message);
      else setFailure(errorText(e));
    } finally {
      setSending(false);
      setProgress(null);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="reply-title">
      <form onSubmit={(e) => void send(e)} noValidate>
        <Stack gap="md">
          <Title order={2} size="h4" id="reply-title">
            {t('portal:ticket.replyTitle')}
          </Title>
          {ticket.status === 'waiting_customer' && (
            <Alert color="orange" variant="light">
              {t('portal:ticket.waitingForYou')}
            </Alert>
          )}
          <FormAlert message={failure} />
          <MarkdownEditor
            ref={editor}
            areaRef={area}
            label={t('portal:ticket.replyLabel')}
            required
            minRows={4}
            value={body}
            error={error}
            onChange={setBody}
          />
          <FileDrop
            files={files}
            onChange={setFiles}
            disabled={sending}
            pasteTarget={area}
            onPasted={(kept) => editor.current?.insertPictures(kept)}
          />
          <UploadProgress share={progress} />
          <Button type="submit" loading={sending} style={{ alignSelf: 'flex-start' }}>
            {t('portal:ticket.send')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
