import { Card, Stack, Tabs, Text, Textarea, TextInput, Typography } from '@mantine/core';
import { useId } from 'react';
import { useStaffT } from '../../staff/i18n';
import { type Lang, languages } from '../content-forms';
import type { AllTexts, Texts } from './texts';

/** The texts of an article in the three languages (one tab each), with a preview of the open one. */
export function ArticleTexts({
  texts,
  onChange,
  errors,
  language,
  onLanguage,
}: {
  texts: AllTexts;
  onChange: (texts: AllTexts) => void;
  errors: Record<string, string>;
  language: Lang;
  onLanguage: (l: Lang) => void;
}) {
  const { st } = useStaffT();
  const id = useId();
  return (
    <Tabs value={language} onChange={(v) => v && onLanguage(v as Lang)} keepMounted={false}>
      <Tabs.List>
        {languages.map((l) => (
          <Tabs.Tab
            key={l}
            value={l}
            color={
              ['title', 'summary', 'body'].some((f) => errors[`translations.${l}.${f}`]) ? 'red' : undefined
            }
          >
            {st(`admin.content.lang.${l}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {languages.map((l) => {
        const current = texts[l];
        const set = (patch: Partial<Texts>) => onChange({ ...texts, [l]: { ...current, ...patch } });
        return (
          <Tabs.Panel key={l} value={l} pt="xs">
            <Stack gap="xs">
              <TextInput
                label={st('admin.content.articleTitle')}
                value={current.title}
                onChange={(e) => set({ title: e.currentTarget.value })}
                error={errors[`translations.${l}.title`]}
              />
              <TextInput
                label={st('admin.content.summary')}
                value={current.summary}
                onChange={(e) => set({ summary: e.currentTarget.value })}
                error={errors[`translations.${l}.summary`]}
              />
              <Textarea
                label={st('admin.content.body')}
                autosize
                minRows={5}
                maxRows={15}
                value={current.body}
                onChange={(e) => set({ body: e.currentTarget.value })}
                error={errors[`translations.${l}.body`]}
              />
              <Card withBorder padding="sm" component="section" aria-labelledby={`${id}-${l}-preview`}>
                <Text fw={700} id={`${id}-${l}-preview`}>
                  {st('admin.content.preview')}
                </Text>
                <Typography>
                  <h4>{current.title || '—'}</h4>
                  <p>
                    <em>{current.summary}</em>
                  </p>
                  <div style={{ whiteSpace: 'pre-wrap' }}>{current.body}</div>
                </Typography>
              </Card>
            </Stack>
          </Tabs.Panel>
        );
      })}
    </Tabs>
  );
}
