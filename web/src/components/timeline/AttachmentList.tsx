import { Anchor, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../api/tickets';
import { formatBytes } from './format';

/** The files of a message or of the description: name, size in the reader's units, type. */
export function AttachmentList({ files }: { files: Attachment[] }) {
  const { t, i18n } = useTranslation();
  if (files.length === 0) return null;
  return (
    <List size="sm" mt="xs" aria-label={t('timeline.attached')} data-testid="attachments">
      {files.map((f) => (
        <List.Item key={f.id}>
          <Anchor href={f.downloadUrl} download={f.fileName}>
            {f.fileName}
          </Anchor>{' '}
          <Text span size="sm" c="dimmed">
            ({formatBytes(f.size, i18n.language)}, {f.contentType})
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
