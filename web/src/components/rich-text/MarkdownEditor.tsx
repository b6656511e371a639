import { ActionIcon, Alert, Group, Paper, Tabs, Text, Textarea, type TextareaProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type CSSProperties, forwardRef, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { previewRichText } from '../../api/tickets';
import { PageLoader } from '../guards';
import {
  bulletList,
  code,
  type Edit,
  insertBlock,
  link,
  pictureMarkdown,
  withPendingPictures,
  wrap,
} from './markdown-edits';
import type { Mentionable } from './mentions';
import { RichText } from './RichText';
import { useMentionSuggestions } from './useMentionSuggestions';

export interface MarkdownEditorHandle {
  focus(): void;
  /** Inserts text at the cursor, on lines of its own (a canned answer, say). */
  insert(text: string): void;
  /** Refers to pictures pasted as attachments, where the cursor is. */
  insertPictures(files: File[]): void;
}

type Props = Pick<TextareaProps, 'label' | 'description' | 'error' | 'required' | 'minRows' | 'onKeyDown'> & {
  /** Styles of the text area itself (an internal note's yellow, say). */
  inputStyle?: CSSProperties;
  value: string;
  onChange: (value: string) => void;
  /** The text area itself, for pasting files into it. */
  areaRef?: React.RefObject<HTMLTextAreaElement | null>;
  /** Staff offered as `@name` is typed (internal notes); none, no suggestions. */
  mentionable?: readonly Mentionable[];
};

/**
 * Markdown with a toolbar (bold, italic, list, link, code), Ctrl/Cmd+B, I and K, a preview
 * rendered by the server exactly as the message will be shown, and, given staff to mention,
 * suggestions of them as `@name` is typed.
 */
export const MarkdownEditor = forwardRef<MarkdownEditorHandle, Props>(function MarkdownEditor(
  { value, onChange, areaRef, onKeyDown, mentionable, minRows = 3, inputStyle, ...textarea },
  ref,
) {
  const { t } = useTranslation();
  const ownRef = useRef<HTMLTextAreaElement>(null);
  const area = areaRef ?? ownRef;
  const [tab, setTab] = useState<'write' | 'preview'>('write');

  const apply = (edit: (selection: { text: string; start: number; end: number }) => Edit) => {
    const element = area.current;
    const selection = {
      text: value,
      start: element?.selectionStart ?? value.length,
      end: element?.selectionEnd ?? value.length,
    };
    const next = edit(selection);
    onChange(next.text);
    setTab('write');
    requestAnimationFrame(() => {
      area.current?.focus();
      area.current?.setSelectionRange(next.start, next.end);
    });
  };

  const mentions = useMentionSuggestions({
    people: mentionable,
    value,
    onInsert: (edit) => apply(() => edit),
  });

  useImperativeHandle(ref, () => ({
    focus: () => area.current?.focus(),
    insert: (text) => apply((s) => insertBlock(s, text)),
    insertPictures: (files) => {
      const pictures = files.filter((f) => f.type.startsWith('image/'));
      if (pictures.length)
        apply((s) => insertBlock(s, pictures.map((f) => pictureMarkdown(f.name)).join('\n')));
    },
  }));

  const actions = {
    bold: () => apply((s) => wrap(s, '**', '**', t('editor.boldText'))),
    italic: () => apply((s) => wrap(s, '_', '_', t('editor.italicText'))),
    list: () => apply((s) => bulletList(s, t('editor.listItem'))),
    link: () => apply((s) => link(s, t('editor.linkText'))),
    code: () => apply((s) => code(s, t('editor.codeText'))),
  };
  const shortcuts: Record<string, () => void> = { b: actions.bold, i: actions.italic, k: actions.link };

  return (
    <Tabs value={tab} onChange={(v) => setTab(v === 'preview' ? 'preview' : 'write')}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Tabs.List>
          <Tabs.Tab value="write">{t('editor.write')}</Tabs.Tab>
          <Tabs.Tab value="preview">{t('editor.preview')}</Tabs.Tab>
        </Tabs.List>
        <Group gap={4} role="toolbar" aria-label={t('editor.toolbar')}>
          <Tool label={t('editor.bold')} onClick={actions.bold}>
            <strong>B</strong>
          </Tool>
          <Tool label={t('editor.italic')} onClick={actions.italic}>
            <em>I</em>
          </Tool>
          <Tool label={t('editor.list')} onClick={actions.list}>
            •≡
          </Tool>
          <Tool label={t('editor.link')} onClick={actions.link}>
            <LinkIcon />
          </Tool>
          <Tool label={t('editor.code')} onClick={actions.code}>
            {'</>'}
          </Tool>
        </Group>
      </Group>
      <Tabs.Panel value="write" pt="xs">
        <Textarea
          {...textarea}
          {...mentions.areaProps}
          ref={area}
          // The browser grows the area with its text (CSS field-sizing): a script that measures
          // it would lay the whole page out while the ticket first renders.
          rows={minRows}
          styles={{ input: { ...growWithText(minRows), ...inputStyle } }}
          value={value}
          onChange={(e) => {
            onChange(e.currentTarget.value);
            mentions.track(e.currentTarget);
          }}
          onKeyDown={(e) => {
            if (mentions.onKeyDown(e)) return;
            const action = (e.ctrlKey || e.metaKey) && !e.altKey && shortcuts[e.key.toLowerCase()];
            if (action) {
              e.preventDefault();
              action();
              return;
            }
            onKeyDown?.(e);
          }}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          description={textarea.description ?? t('editor.hint')}
        />
        {mentions.list}
      </Tabs.Panel>
      <Tabs.Panel value="preview" pt="xs">
        {tab === 'preview' && <Preview text={value} />}
      </Tabs.Panel>
    </Tabs>
  );
});

function growWithText(rows: number): CSSProperties {
  return { fieldSizing: 'content', minHeight: `calc(${rows}lh + 1rem)` };
}

function Tool({
  label,
  onClick,
  children,
}: {
  label: string;
  onClick: () => void;
  children: React.ReactNode;
}) {
  return (
    <ActionIcon variant="default" size="md" aria-label={label} title={label} onClick={onClick}>
      <Text span size="sm" aria-hidden>
        {children}
      </Text>
    </ActionIcon>
  );
}

/** A chain link drawn inline: an emoji would show as an empty box where no emoji font is installed. */
function LinkIcon() {
  return (
    <svg
      width="14"
      height="14"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      style={{ verticalAlign: 'middle' }}
      aria-hidden="true"
    >
      <path d="M10 14a5 5 0 0 0 7.07 0l3-3a5 5 0 0 0-7.07-7.07l-1.5 1.5" />
      <path d="M14 10a5 5 0 0 0-7.07 0l-3 3a5 5 0 0 0 7.07 7.07l1.5-1.5" />
    </svg>
  );
}

function Preview({ text }: { text: string }) {
  const { t } = useTranslation();
  const body = withPendingPictures(text, (name) => t('editor.pictureToCome', { name }));
  const preview = useQuery({
    queryKey: ['rich-text-preview', body],
    queryFn: () => previewRichText(body),
    enabled: body.trim() !== '',
  });
  return (
    <Paper withBorder p="sm" mih={96} data-testid="editor-preview">
      {body.trim() === '' ? (
        <Text c="dimmed">{t('editor.previewEmpty')}</Text>
      ) : preview.isError ? (
        <Alert color="red" variant="light">
          {t('editor.previewFailed')}
        </Alert>
      ) : preview.data ? (
        <RichText html={preview.data.html} />
      ) : (
        <PageLoader />
      )}
    </Paper>
  );
}
