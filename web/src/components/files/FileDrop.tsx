import { Alert, Button, List, Paper, Progress, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useDropzone } from 'react-dropzone';
import { useTranslation } from 'react-i18next';
import { fetchAttachmentLimits } from '../../api/catalogue';
import { formatBytes } from '../timeline/format';
import { usePastedFiles } from './usePastedFiles';

// The server's defaults, shown only until this installation's limits have arrived.
const defaultLimits = { maxFileMb: 20, maxTicketMb: 100, companyStorage: null };

/**
 * Attachments by drag and drop, by choosing, or pasted from the clipboard into `pasteTarget`
 * (a screenshot), with the limits said before one tries. A file over a limit is refused in
 * plain sight, naming it and the limit: it is never dropped silently.
 */
export function FileDrop({
  files,
  onChange,
  disabled,
  pasteTarget,
  onPasted,
}: {
  files: File[];
  onChange: (files: File[]) => void;
  disabled?: boolean;
  pasteTarget?: React.RefObject<HTMLElement | null>;
  /** The pasted files that were kept (within the limits), for an editor to refer to them. */
  onPasted?: (kept: File[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [refused, setRefused] = useState<string[]>([]);
  const limits = useQuery({
    queryKey: ['attachment-limits'],
    queryFn: fetchAttachmentLimits,
    // The company's storage changes with every upload: asked again when a form opens.
    staleTime: 0,
  });
  const { maxFileMb, maxTicketMb, companyStorage } = limits.data ?? defaultLimits;
  const maxBytes = maxFileMb * 1024 * 1024;
  const storageLeft = companyStorage ? companyStorage.quotaBytes - companyStorage.usedBytes : Infinity;

  const add = (incoming: File[]) => {
    const kept: File[] = [];
    const messages: string[] = [];
    let total = files.reduce((sum, f) => sum + f.size, 0);
    for (const file of incoming) {
      const size = formatBytes(file.size, i18n.language);
      if (file.size > maxBytes) {
        messages.push(t('files.tooLarge', { name: file.name, size, limit: maxFileMb }));
      } else if (total + file.size > maxTicketMb * 1024 * 1024) {
        messages.push(t('files.tooMuch', { name: file.name, size, limit: maxTicketMb }));
      } else if (total + file.size > storageLeft) {
        messages.push(t('files.overQuota', { name: file.name, size }));
      } else {
        kept.push(file);
        total += file.size;
      }
    }
    setRefused(messages);
    if (kept.length) onChange([...files, ...kept]);
    return kept;
  };
  usePastedFiles(pasteTarget, disabled ? undefined : (pasted) => onPasted?.(add(pasted)));
  // Sizes are checked by `add`, not by the dropzone, so that a refusal is always said.
  const { getRootProps, getInputProps, isDragActive } = useDropzone({
    onDrop: (accepted, rejected) => add([...accepted, ...rejected.map((r) => r.file)]),
    disabled,
    multiple: true,
  });

  return (
    <Stack gap={6}>
      <Text size="sm" fw={500} id={`${id}-label`}>
        {t('files.label')}
      </Text>
      <Text size="sm" c="dimmed" id={`${id}-limits`}>
        {t('files.limits', { file: maxFileMb, total: maxTicketMb })}
      </Text>
      {companyStorage && <CompanyStorage {...companyStorage} />}
      <Paper
        {...getRootProps({
          'aria-labelledby': `${id}-label`,
          'aria-describedby': `${id}-limits`,
        })}
        withBorder
        p="md"
        bg={isDragActive ? 'var(--mantine-color-blue-light)' : undefined}
        style={{ borderStyle: 'dashed', cursor: disabled ? 'not-allowed' : 'pointer' }}
        data-testid="dropzone"
      >
        <input {...getInputProps({ 'aria-labelledby': `${id}-label`, 'aria-describedby': `${id}-limits` })} />
        <Text ta="center" size="sm">
          {t(pasteTarget ? 'files.dropOrPaste' : 'files.drop')}
        </Text>
      </Paper>
      {refused.length > 0 && (
        <Alert color="red" variant="light" role="alert" data-testid="files-refused">
          {refused.map((message) => (
            <Text key={message} size="sm">
              {message}
            </Text>
          ))}
        </Alert>
      )}
      {files.length > 0 && (
        <List size="sm" aria-label={t('files.chosen')}>
          {files.map((file, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the same file may be chosen twice; the position tells them apart
            <List.Item key={`${file.name}-${file.size}-${file.lastModified}-${index}`}>
              {file.name} ({formatBytes(file.size, i18n.language)}){' '}
              <Button
                variant="subtle"
                size="compact-xs"
                onClick={() => onChange(files.filter((_, i) => i !== index))}
                disabled={disabled}
                aria-label={t('files.remove', { name: file.name })}
              >
                {t('files.removeShort')}
              </Button>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

/** What the customer's company uses of its attachment storage, and its quota. */
function CompanyStorage({ usedBytes, quotaBytes }: { usedBytes: number; quotaBytes: number }) {
  const { t, i18n } = useTranslation();
  const share = quotaBytes > 0 ? Math.min(100, (usedBytes / quotaBytes) * 100) : 100;
  const label = t('files.storage', {
    used: formatBytes(usedBytes, i18n.language),
    quota: formatBytes(quotaBytes, i18n.language),
  });
  return (
    <Stack gap={2} data-testid="company-storage">
      <Text size="sm" c={share >= 90 ? 'red' : 'dimmed'}>
        {label}
      </Text>
      <Progress.Root size="sm">
        <Progress.Section value={share} color={share >= 90 ? 'red' : 'blue'} aria-label={label} />
      </Progress.Root>
    </Stack>
  );
}

/** Upload progress of a form being sent with files. */
export function UploadProgress({ share }: { share: number | null }) {
  const { t } = useTranslation();
  const id = useId();
  if (share === null) return null;
  const percent = Math.round(share * 100);
  return (
    <Stack gap={4}>
      <Text size="sm" id={id}>
        {t('files.sending', { percent })}
      </Text>
      {/* The bar itself (Mantine's section) carries the progressbar role, so it takes the name. */}
      <Progress.Root>
        <Progress.Section value={percent} aria-labelledby={id} animated={percent < 100} />
      </Progress.Root>
    </Stack>
  );
}
