import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { checkRows, organisationFinder, readInvitationCsv, roleFromText } from './invitations.csv.ts';

function refusal(csv: string): string {
  try {
    readInvitationCsv(csv);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).fields!.csv!;
  }
  throw new Error('the file was accepted');
}

describe('reading a CSV of invitations', () => {
  it('reads what Dutch Excel writes: BOM, semicolons, CRLF', () => {
    const rows = readInvitationCsv(
      '\uFEFFE-mail;Naam;Organisatie;Rol\r\nanna@katwijk.nl;Anna;Katwijk;Medewerker\r\n',
    );
    expect(rows).toEqual([
      { line: 2, email: 'anna@katwijk.nl', name: 'Anna', organisation: 'Katwijk', role: 'Medewerker' },
    ]);
  });

  it('reads commas, English headers in any order and quoted cells with the other delimiter in them', () => {
    const rows = readInvitationCsv(
      'Role, Organisation ,Name,Email\nmedewerker,GGD,"Vries; de, Eva",eva@ggd.nl\n',
    );
    expect(rows[0]).toEqual({
      line: 2,
      email: 'eva@ggd.nl',
      name: 'Vries; de, Eva',
      organisation: 'GGD',
      role: 'medewerker',
    });
  });

  it('accepts the usual spellings of the e-mail column and works without a name column', () => {
    for (const header of ['e-mail', 'email', 'E-mailadres', 'e-mail adres']) {
      expect(readInvitationCsv(`${header};organisatie;rol\nx@y.nl;gouda;medewerker`)[0]!.email).toBe(
        'x@y.nl',
      );
    }
    expect(readInvitationCsv('email;organisatie;rol\nx@y.nl;gouda;medewerker')[0]!.name).toBe('');
  });

  it('numbers rows as the spreadsheet does: blank rows skipped but counted, a cell with a line break is one row', () => {
    const rows = readInvitationCsv(
      'email;naam;organisatie;rol\n\na@b.nl;"Twee\nregels";gouda;medewerker\n;;;\nc@d.nl;;gouda;medewerker\n',
    );
    expect(rows.map((r) => [r.line, r.email])).toEqual([
      [3, 'a@b.nl'],
      [5, 'c@d.nl'],
    ]);
  });

  it('names the missing columns', () => {
    expect(refusal('naam;organisatie;rol\nX;gouda;medewerker')).toMatch(/^De kolom ‘e-mail’ ontbreekt/);
    expect(refusal('email;naam\nx@y.nl;X')).toMatch(/^De kolommen ‘organisatie’ en ‘rol’ ontbreken/);
  });

  it('refuses a file with only a header, or more than 2,000 rows', () => {
    expect(refusal('email;organisatie;rol\n')).toMatch(/geen uitnodigingen/);
    const many = Array.from({ length: 2001 }, (_, i) => `p${i}@x.nl;gouda;medewerker`);
    expect(refusal(['email;organisatie;rol', ...many].join('\n'))).toMatch(
      /2\.001 regels .* hoogstens 2\.000/,
    );
  });

  it('points at the row where the CSV itself is broken', () => {
    expect(refusal('email;organisatie;rol\na@b.nl;gouda;medewerker\n"c@d.nl;gouda;medewerker\n')).toMatch(
      /regel 3/,
    );
  });
});

describe('recognising roles and organisations', () => {
  it('knows a role by its code or its Dutch label, in any case and spacing', () => {
    expect(roleFromText('gemeente_ambtenaar')).toBe('gemeente_ambtenaar');
    expect(roleFromText('Ambtenaar gemeente')).toBe('gemeente_ambtenaar');
    expect(roleFromText('LID ADVIESRAAD')).toBe('adviesraad_lid');
    expect(roleFromText('opperhoofd')).toBeUndefined();
  });

  it('knows an organisation by its name or slug, in any case', () => {
    const find = organisationFinder([
      { id: '1', slug: 'alphen-aan-den-rijn', name: 'Gemeente Alphen aan den Rijn' },
    ]);
    expect(find('gemeente  alphen aan den rijn')?.id).toBe('1');
    expect(find('Alphen-aan-den-Rijn')?.id).toBe('1');
    expect(find('Alphen')).toBeUndefined();
  });
});

describe('checking rows', () => {
  const lookups = {
    findOrganisation: organisationFinder([{ id: 'o1', slug: 'gouda', name: 'Gemeente Gouda' }]),
    holds: ({ email }: { email: string }) => email === 'lid@gouda.nl',
    mayGrant: (role: string) => role !== 'beheerder',
  };
  const row = (line: number, email: string, organisation = 'gouda', role = 'medewerker', name = '') => ({
    line,
    email,
    name,
    organisation,
    role,
  });

  it('lists every problem of a row, not only the first', () => {
    const [checked] = checkRows([row(2, 'geen-adres', 'Utrecht', '')], lookups);
    expect(checked!.problems).toEqual([
      'ongeldig e-mailadres',
      'onbekende organisatie ‘Utrecht’',
      'rol ontbreekt',
    ]);
  });

  it('refers a repeated row to its first line, and a held role is not invited again', () => {
    const checked = checkRows(
      [
        row(2, 'a@gouda.nl'),
        row(3, 'A@Gouda.nl '),
        row(4, 'lid@gouda.nl'),
        row(5, 'b@gouda.nl', 'gouda', 'beheerder'),
      ],
      lookups,
    );
    expect(checked.map((c) => c.problems)).toEqual([
      [],
      ['dubbel in dit bestand (zie regel 2)'],
      ['heeft deze rol al'],
      ['alleen een beheerder kan iemand beheerder maken'],
    ]);
    expect(checked[0]!.target).toEqual({
      email: 'a@gouda.nl',
      name: undefined,
      organisationId: 'o1',
      organisationName: 'Gemeente Gouda',
      role: 'medewerker',
    });
  });
});
