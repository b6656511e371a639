import '@mantine/dropzone/styles.css';
import './i18n';
import { Button, List, Progress, Stack, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchAttachmentLimits } from '../../api/catalogue';

// The server's defaults, shown only until this installation's limits have arrived.
const defaultLimits = { maxFileMb: 20, maxTicketMb: 100 };

/** Attachments by drag and drop or by choosing, with the limits said before one tries. */
export function FileDrop({
  files,
  onChange,
  disabled,
}: {
  files: File[];
  onChange: (files: File[]) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const limits = useQuery({
    queryKey: ['attachment-limits'],
    queryFn: fetchAttachmentLimits,
    staleTime: Infinity,
  });
  const { maxFileMb, maxTicketMb } = limits.data ?? defaultLimits;
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500} id="attachments-label">
        {t('portal:files.label')}
      </Text>
      <Text size="sm" c="dimmed" id="attachments-limits">
        {t('portal:files.limits', { file: maxFileMb, total: maxTicketMb })}
      </Text>
      <Dropzone
        onDrop={(dropped) => onChange([...files, ...dropped])}
        maxSize={maxFileMb * 1024 * 1024}
        disabled={disabled}
        aria-labelledby="attachments-label"
        aria-describedby="attachments-limits"
        multiple
        p="md"
        data-testid="dropzone"
      >
        <Text ta="center" size="sm">
          {t('portal:files.drop')}
        </Text>
      </Dropzone>
      {files.length > 0 && (
        <List size="sm" aria-label={t('portal:files.chosen')}>
          {files.map((file, index) => (
            <List.Item key={`${file.name}-${file.size}-${file.lastModified}`}>
              {file.name} ({formatSize(file.size)}){' '}
              <Button
                variant="subtle"
                size="compact-xs"
                onClick={() => onChange(files.filter((_, i) => i !== index))}
                disabled={disabled}
                aria-label={t('portal:files.remove', { name: file.name })}
              >
                {t('portal:files.removeShort')}
              </Button>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Upload progress of a form being sent with files. */
export function UploadProgress({ share }: { share: number | null }) {
  const { t } = useTranslation();
  if (share === null) return null;
  const percent = Math.round(share * 100);
  return (
    <Stack gap={4}>
      <Text size="sm" id="upload-progress-label">
        {t('portal:files.sending', { percent })}
      </Text>
      <Progress value={percent} aria-labelledby="upload-progress-label" animated={percent < 100} />
    </Stack>
  );
}
