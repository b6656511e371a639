import { Paper, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Edit } from './markdown-edits';
import { insertMention, type Mentionable, mentionAt, mentionHandle, suggestMentions } from './mentions';
import classes from './rich-text.module.css';

interface Options {
  /** Who may be mentioned; none (undefined) turns suggestions off. */
  people: readonly Mentionable[] | undefined;
  value: string;
  /** Writes the text with the mention in, and puts the cursor after it. */
  onInsert: (edit: Edit) => void;
}

/**
 * Suggestions of staff while `@name` is typed, in a listbox under the text. The text area keeps
 * its textbox role (a textarea may not be a combobox) and follows the combobox pattern otherwise:
 * aria-autocomplete, aria-controls and aria-activedescendant, while focus stays in the text.
 * Arrow keys move, Enter or Tab insert, Escape closes; a click inserts too.
 */
export function useMentionSuggestions({ people, value, onInsert }: Options) {
  const { t } = useTranslation();
  const listId = useId();
  const [caret, setCaret] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  // The @ whose suggestions were closed (by Escape or a choice): they stay closed until another @.
  const [closedAt, setClosedAt] = useState<number | null>(null);

  const mention = people && caret !== null ? mentionAt(value, caret) : null;
  const options = people && mention && mention.at !== closedAt ? suggestMentions(people, mention.query) : [];
  const open = options.length > 0;
  const current = Math.min(active, options.length - 1);
  const optionId = (i: number) => `${listId}-option-${i}`;

  const track = (area: HTMLTextAreaElement, text = area.value) => {
    const at = area.selectionStart === area.selectionEnd ? area.selectionStart : null;
    if (at === caret) return;
    setCaret(at);
    setActive(0);
    const now = at === null ? null : mentionAt(text, at);
    if (now?.at !== closedAt) setClosedAt(null);
  };

  const choose = (person: Mentionable) => {
    if (!people || !mention || caret === null) return;
    const edit = insertMention(value, caret, mention, mentionHandle(person, people));
    setClosedAt(mention.at);
    setCaret(edit.start);
    onInsert(edit);
  };

  /** Handles the keys of an open list; true when the key was used. */
  const onKeyDown = (e: React.KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open || !mention || e.altKey || e.ctrlKey || e.metaKey) return false;
    const person = options[current];
    if (e.key === 'ArrowDown') setActive((current + 1) % options.length);
    else if (e.key === 'ArrowUp') setActive((current - 1 + options.length) % options.length);
    else if ((e.key === 'Enter' || e.key === 'Tab') && !e.shiftKey && person) choose(person);
    else if (e.key === 'Escape') setClosedAt(mention.at);
    else return false;
    e.preventDefault();
    e.stopPropagation();
    return true;
  };

  const areaProps = people
    ? {
        'aria-autocomplete': 'list' as const,
        'aria-haspopup': 'listbox' as const,
        'aria-controls': open ? listId : undefined,
        'aria-activedescendant': open ? optionId(current) : undefined,
        onSelect: (e: React.SyntheticEvent<HTMLTextAreaElement>) => track(e.currentTarget),
        onBlur: () => setCaret(null),
      }
    : {};

  const list = open ? (
    <Paper
      withBorder
      shadow="sm"
      p={4}
      role="listbox"
      id={listId}
      aria-label={t('editor.mentionList')}
      className={classes.mentionList}
    >
      {options.map((person, i) => (
        // Options are chosen from the text area's keys (aria-activedescendant) or by mouse; they never take focus.
        // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard acts through the text area
        <div
          key={person.id}
          id={optionId(i)}
          role="option"
          tabIndex={-1}
          aria-selected={i === current}
          className={classes.mentionOption}
          onMouseDown={(e) => e.preventDefault()}
          onMouseEnter={() => setActive(i)}
          onClick={() => choose(person)}
        >
          <Text span size="sm" fw={600}>
            {person.name}
          </Text>{' '}
          <Text span size="xs" c="dimmed">
            {person.email}
          </Text>
        </div>
      ))}
    </Paper>
  ) : null;

  return { areaProps, onKeyDown, track, list };
}
