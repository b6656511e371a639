import { describe, expect, it } from 'vitest';
import { mailFixture } from '../../../test/fixtures/mail/load';
import { extractMessageIds, parseMail } from './parse';

describe('parseMail', () => {
  it('reads ids, addresses and thread references without angle brackets, addresses in lower case', async () => {
    const mail = await parseMail(
      mailFixture('outlook-reply', {
        FROM: 'Claire.Dubois@Client.Example',
        TO: 'reply+abc.def@guichet.local',
        MESSAGE_ID: 'AM0PR01MB1234@eurprd01.prod.outlook.com',
        IN_REPLY_TO: 'ticket-1@guichet.local',
      }),
    );
    expect(mail.messageId).toBe('AM0PR01MB1234@eurprd01.prod.outlook.com');
    expect(mail.from).toEqual({ address: 'claire.dubois@client.example', name: 'Claire Dubois' });
    expect(mail.recipients).toEqual(['reply+abc.def@guichet.local']);
    expect(mail.threadIds).toEqual(['ticket-1@guichet.local']);
    expect(mail.subject).toBe("RE: [SUP-1042] Erreur à l'export");
  });

  it('keeps attachments and inline images, with their bytes, names and content ids', async () => {
    const mail = await parseMail(mailFixture('with-attachments'));
    const byName = Object.fromEntries(mail.attachments.map((a) => [a.fileName, a]));
    expect(Object.keys(byName).sort()).toEqual(['capture.png', 'journal.pdf']);
    expect(byName['capture.png']).toMatchObject({
      inline: true,
      contentId: 'capture@local',
      contentType: 'image/png',
    });
    expect(byName['capture.png']?.bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(byName['journal.pdf']).toMatchObject({ inline: false, contentType: 'application/pdf' });
    expect(byName['journal.pdf']?.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('lists Delivered-To and X-Original-To among the recipients, keeping their case', async () => {
    const raw = Buffer.from(
      'From: a@b.example\r\nTo: support@guichet.local\r\nDelivered-To: reply+x.y@guichet.local\r\nX-Original-To: Other@Guichet.local\r\nSubject: s\r\n\r\nhi\r\n',
    );
    const mail = await parseMail(raw);
    expect(mail.recipients).toEqual([
      'support@guichet.local',
      'reply+x.y@guichet.local',
      'Other@Guichet.local',
    ]);
    expect(mail.messageId).toBeNull();
    expect(mail.text?.trim()).toBe('hi');
  });

  it('extracts message ids from header values', () => {
    expect(extractMessageIds('<a@b> <c@d>')).toEqual(['a@b', 'c@d']);
    expect(extractMessageIds('bare@id')).toEqual(['bare@id']);
    expect(extractMessageIds('two words')).toEqual([]);
  });
});
