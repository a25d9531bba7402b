/**
 * Contacts files as the apps write them: macOS/iOS Contacts (vCard 3.0, the preferred address marked
 * and listed second, a photo, a LinkedIn profile), Google Contacts (escaped commas and semicolons, a
 * folded line) and Outlook (vCard 2.1, quoted-printable UTF-8 with a soft line break), plus a card
 * with no address. CRLF line ends, as the format requires.
 */
export function contactsVCard(): string {
  return [
    'BEGIN:VCARD',
    'VERSION:3.0',
    'PRODID:-//Apple Inc.//macOS 14.0//EN',
    'N:Doe;Jane;;;',
    'FN:Jane Doe',
    'ORG:Acme Inc.;Sales',
    'TITLE:Head of Sales',
    'EMAIL;type=INTERNET;type=HOME:jane.doe@gmail.com',
    'item1.EMAIL;type=INTERNET;type=pref:jane@acme.com',
    'item1.X-ABLabel:_$!<Work>!$_',
    'TEL;type=CELL;type=VOICE;type=pref:+1 415 555 0100',
    'item2.URL;type=pref:https://www.acme.com',
    'item2.X-ABLabel:_$!<HomePage>!$_',
    'X-SOCIALPROFILE;type=linkedin:https://www.linkedin.com/in/jane-doe',
    'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD',
    ' /2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAx',
    'END:VCARD',
    'BEGIN:VCARD',
    'VERSION:3.0',
    'FN:Bo Ray',
    'N:Ray;Bo;;;',
    'EMAIL;TYPE=INTERNET;TYPE=WORK:bo@beta.io',
    'ORG:Beta\\, Inc.',
    'NOTE:Met at SaaStr\\; wants a demo\\nin March and a price list for the whole te',
    ' am',
    'END:VCARD',
    'BEGIN:VCARD',
    'VERSION:2.1',
    'N;CHARSET=utf-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen',
    'FN;CHARSET=utf-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=C3=BC=',
    'ller',
    'ORG:Gamma GmbH',
    'TEL;WORK;VOICE:+49 89 1234567',
    'EMAIL;PREF;INTERNET:juergen@gamma.de',
    'END:VCARD',
    'BEGIN:VCARD',
    'VERSION:3.0',
    'FN:Cy Fox',
    'TEL;TYPE=WORK:+44 20 7946 0000',
    'END:VCARD',
    '',
  ].join('\r\n');
}
