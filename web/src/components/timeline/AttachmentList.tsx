import { Anchor, Group, Image, List, Stack, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../api/tickets';
import { ModalOnceOpened } from '../ModalOnceOpened';
import { formatBytes } from './format';

/**
 * The files of a message or of the description: name, size in the reader's units, type, and a
 * download link. Images also show a thumbnail that opens a preview; both are pictures the server
 * re-encoded. Other files are never shown inline.
 */
export function AttachmentList({ files }: { files: Attachment[] }) {
  const { t, i18n } = useTranslation();
  const [previewed, setPreviewed] = useState<Attachment | null>(null);
  if (files.length === 0) return null;
  return (
    <>
      <List
        size="sm"
        mt="xs"
        aria-label={t('timeline.attached')}
        data-testid="attachments"
        listStyleType="none"
      >
        {files.map((f) => (
          <List.Item key={f.id}>
            <Group gap="sm" wrap="nowrap" align="center">
              {f.thumbnailUrl && (
                <UnstyledButton
                  onClick={() => setPreviewed(f)}
                  aria-label={t('timeline.openPreview', { name: f.fileName })}
                >
                  <Image
                    src={f.thumbnailUrl}
                    alt=""
                    h={64}
                    w={64}
                    fit="cover"
                    radius="sm"
                    data-testid="thumbnail"
                  />
                </UnstyledButton>
              )}
              <div>
                <Anchor href={f.downloadUrl} download={f.fileName}>
                  {f.fileName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {formatBytes(f.size, i18n.language)} · {typeLabel(f.contentType, t)}
                </Text>
              </div>
            </Group>
          </List.Item>
        ))}
      </List>
      <ModalOnceOpened
        opened={previewed !== null}
        onClose={() => setPreviewed(null)}
        title={previewed?.fileName}
        size="xl"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {previewed?.previewUrl && (
          <Stack gap="sm">
            <Image
              src={previewed.previewUrl}
              alt={t('timeline.previewOf', { name: previewed.fileName })}
              fit="contain"
              mah="70vh"
              data-testid="preview"
            />
            <Anchor href={previewed.downloadUrl} download={previewed.fileName} size="sm">
              {t('timeline.download', { name: previewed.fileName })}
            </Anchor>
          </Stack>
        )}
      </ModalOnceOpened>
    </>
  );
}

/** "Image PNG", "Document PDF", "Fichier texte" … from the type the server found in the content. */
function typeLabel(
  contentType: string,
  t: (key: string, options?: Record<string, string>) => string,
): string {
  const [family = '', sub = ''] = contentType.split('/');
  const short = sub
    .replace(/^x-/, '')
    .replace(/^vnd\..*/, '')
    .toUpperCase();
  if (family === 'image') return t('timeline.types.image', { format: short === 'JPEG' ? 'JPEG' : short });
  if (contentType === 'application/pdf') return t('timeline.types.pdf');
  if (family === 'text') return t('timeline.types.text');
  if (contentType.includes('zip')) return t('timeline.types.zip');
  if (contentType === 'message/rfc822') return t('timeline.types.mail');
  if (
    contentType.includes('officedocument') ||
    contentType.includes('msword') ||
    contentType.includes('ms-excel')
  )
    return t('timeline.types.office');
  return t('timeline.types.other');
}
