import { describe, expect, it } from 'vitest';
import { mentionedIn } from '../../../../src/domain/notifications/mentions';
import { insertMention, mentionAt, mentionHandle, suggestMentions } from './mentions';

const anne = { id: 'a', name: 'Anne Agent', email: 'anne.agent@guichet.example' };
const andre = { id: 'd', name: 'André Keller', email: 'akeller@guichet.example' };
const luc = { id: 'l', name: 'Luc Consultant', email: 'luc@guichet.example' };
const anneBis = { id: 'a2', name: 'Anne Agent', email: 'anne.agent2@guichet.example' };
const team = [luc, anne, andre];

describe('the mention being typed', () => {
  it('starts at an @ that begins a word, up to the cursor', () => {
    expect(mentionAt('Vu avec @an', 11)).toEqual({ at: 8, query: 'an' });
    expect(mentionAt('@', 1)).toEqual({ at: 0, query: '' });
    expect(mentionAt('(@anne agent', 12)).toEqual({ at: 1, query: 'anne agent' });
    expect(mentionAt('cc @an et la suite', 6)).toEqual({ at: 3, query: 'an' });
  });

  it('is none inside an address, across a line, or after a double space', () => {
    expect(mentionAt('écrire à x@luc', 14)).toBeNull();
    expect(mentionAt('.@luc', 5)).toBeNull();
    expect(mentionAt('@anne\nmerci', 11)).toBeNull();
    expect(mentionAt('@anne  merci', 12)).toBeNull();
    expect(mentionAt('sans arobase', 12)).toBeNull();
  });
});

describe('suggestions', () => {
  it('match the start of the name, of a word of it, or of the address, accents and case ignored', () => {
    expect(suggestMentions(team, 'an').map((p) => p.id)).toEqual(['d', 'a']);
    expect(suggestMentions(team, 'KEL').map((p) => p.id)).toEqual(['d']);
    expect(suggestMentions(team, 'andre k').map((p) => p.id)).toEqual(['d']);
    expect(suggestMentions(team, 'akel').map((p) => p.id)).toEqual(['d']);
    expect(suggestMentions(team, 'nne')).toEqual([]);
    expect(suggestMentions(team, '')).toEqual([]);
  });
});

describe('the inserted mention', () => {
  it('replaces what was typed and leaves the cursor after a space', () => {
    const text = 'Peux-tu voir, @an';
    const edit = insertMention(text, text.length, { at: 14, query: 'an' }, 'André Keller');
    expect(edit).toEqual({ text: 'Peux-tu voir, @André Keller ', start: 28, end: 28 });
    const middle = insertMention('@lu merci', 3, { at: 0, query: 'lu' }, 'Luc Consultant');
    expect(middle.text).toBe('@Luc Consultant merci');
    expect(middle.start).toBe('@Luc Consultant '.length);
  });

  it('is read by the server as a mention of the person chosen, and of them only', () => {
    const people = [...team, anneBis];
    for (const person of people) {
      const text = 'Merci de regarder, @';
      const handle = mentionHandle(person, people);
      const note = insertMention(text, text.length, { at: text.length - 1, query: '' }, handle).text;
      expect(mentionedIn(`${note}le calcul.`, people), note).toEqual([person.id]);
    }
    expect(mentionHandle(anne, people)).toBe('anne.agent');
    expect(mentionHandle(andre, people)).toBe('André Keller');
  });
});
