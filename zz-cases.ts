import { cleanRow, compileMapping } from './src-shared/import/clean';
import { suggestMapping } from './src-shared/import/mapping';
const headers = ['Name', 'Email', 'Website', 'LinkedIn', 'Phone', 'Title'];
const m = compileMapping(suggestMapping(headers, []));
const rows = [
  ['Jane Doe', 'jane@acme.com (work)', '', '', '', ''],
  ['Jane Doe', 'jane@acme.com / jane@gmail.com', '', '', '', ''],
  ['Jane Doe', 'jane[at]acme[dot]com', '', '', '', ''],
  ['Jane Doe', 'jane(at)acme.com', '', '', '', ''],
  ['Jane Doe', 'jane @ acme.com', '', '', '', ''],
  ['Jane Doe', 'jane@acme.com', 'acme.com, acme.io', '', '', ''],
  ['Jane Doe', 'jane@acme.com', '', 'linkedin.com/in/jane-doe-12345678/details/experience', '', ''],
  ['Jane Doe', 'jane@acme.com', '', 'https://www.linkedin.com/sales/lead/ACwAAA123,NAME_SEARCH,abc', '', ''],
  ['Jane Doe', 'jane@acme.com', '', 'http://www.linkedin.com/pub/jane-doe/12/345/678', '', ''],
  ['Jane Doe', 'jane@acme.com', '', 'https://www.linkedin.com/in/j%C3%A9r%C3%B4me-dupont/', '', ''],
  ['Jane Doe', 'jane@acme.com', '', '', '+1 555-010-2000 ext. 123', ''],
  ['Jane & John Doe', 'jane@acme.com', '', '', '', ''],
  ['Dr Jane Doe PhD', 'jane@acme.com', '', '', '', '🚀 Growth Hacker'],
  ['Jane Doe', '"jane@acme.com"', '', '', '', ''],
  ['Jane Doe', "'jane@acme.com'", '', '', '', ''],
  ['Jane Doe', 'jane@acme.com.', 'https://acme.com.', '', '', ''],
  ['Jane Doe', 'jane@gmail.co', '', '', '', ''],
  ['Jane Doe', 'jane@yahoo.fr', '', '', '', ''],
  ['Jane Doe', 'jane@outlook.con', '', '', '', ''],
  ['Jane Doe', 'jane@acme.com\njane2@acme.com', '', '', '', ''],
  ['JANE DOE', 'Jane.Doe@ACME.COM', 'WWW.ACME.COM', 'LINKEDIN.COM/IN/JANEDOE', '', 'CEO'],
  ['Jane Doe', 'noreply@acme.com', '', '', '', ''],
  ['Jane Doe', 'jane@localhost', '', '', '', ''],
  ['Jane Doe', 'jane@123.45.67.89', '', '', '', ''],
  ['Jane Doe', 'jane@müller.de', 'müller.de', '', '', ''],
];
for (const r of rows) {
  const c = cleanRow(r, m) as any;
  const l = c.lead;
  console.log(JSON.stringify(r.slice(1, 5).filter(Boolean)), '=>', JSON.stringify({ e: l.email, f: l.firstName, la: l.lastName, d: l.domain, li: l.linkedinUrl, p: l.phone, t: l.title, chk: c.check?.reason ?? c.emailCheck?.reason, sug: c.check?.suggestion ?? c.emailCheck?.suggestion, fl: c.flags }));
}
