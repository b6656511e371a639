import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvDocument, csvText } from './csv';

describe('csvText', () => {
  it.each([
    ['=cmd', "'=cmd"],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['plain', 'plain'],
  ])('neutralises %j as %j', (value, cell) => {
    expect(csvText(value)).toBe(cell);
  });

  it('quotes separators, quotes and line breaks', () => {
    expect(csvText('a;b')).toBe('"a;b"');
    expect(csvText('say "hi"')).toBe('"say ""hi"""');
    expect(csvText('two\nlines')).toBe('"two\nlines"');
    expect(csvText('\rx')).toBe(`"'\rx"`);
  });
});

describe('csvDocument', () => {
  it('starts with a BOM, separates by semicolons and ends lines with CRLF', () => {
    const doc = csvDocument([
      ['a', 'b'],
      [1, { raw: '1.50' }],
    ]);
    expect(doc).toBe(`${CSV_BOM}a;b\r\n1;1.50\r\n`);
  });

  it('reads back every text exactly (quoted cells unquoted, formulas prefixed)', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 6 }), (cells) => {
        const doc = csvDocument([cells]);
        expect(parse(doc, { delimiter: ';', bom: true })[0]).toEqual(
          cells.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)),
        );
      }),
    );
  });
});
