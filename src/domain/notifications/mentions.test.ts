import { describe, expect, it } from 'vitest';
import { mentionedIn } from './mentions';

const anne = { id: 'a', name: 'Anne Agent', email: 'anne.agent@guichet.example' };
const anne2 = { id: 'a2', name: 'Anne Agenti', email: 'anne.agent2@guichet.example' };
const luc = { id: 'l', name: 'Luc Consultant', email: 'luc@guichet.example' };
const people = [anne, anne2, luc];

describe('mentions in an internal note', () => {
  it('finds a full name, accents and case ignored, and an address local part', () => {
    expect(mentionedIn('Peux-tu regarder, @anne agent ?', people)).toEqual(['a']);
    expect(mentionedIn('cc @luc.', people)).toEqual(['l']);
    expect(mentionedIn('@Lûc Consultant: merci', people)).toEqual(['l']);
  });

  it('matches whole handles only', () => {
    expect(mentionedIn('@Anne seule', people)).toEqual([]);
    expect(mentionedIn('@anne.agent2 voir', people)).toEqual(['a2']);
    expect(mentionedIn('mail: x@luc.example', people)).toEqual([]);
  });
});
