import { describe, expect, it } from 'vitest';
import { safeReturnPath, signInPath } from './guard.ts';

describe('safeReturnPath', () => {
  it('keeps a path on this site, with its query', () => {
    expect(safeReturnPath('/beheer/personen?pagina=2')).toBe('/beheer/personen?pagina=2');
  });

  it('drops another site, however it is written', () => {
    for (const value of [
      'https://evil.example',
      '//evil.example/x',
      '/\\evil.example',
      'javascript:alert(1)',
    ]) {
      expect(safeReturnPath(value)).toBeUndefined();
    }
  });

  it('drops the sign-in pages, which would only loop', () => {
    expect(safeReturnPath('/inloggen/code?adres=a@b.nl')).toBeUndefined();
    expect(safeReturnPath(null)).toBeUndefined();
  });
});

describe('signInPath', () => {
  it('sends the person to sign in with the page to come back to', () => {
    expect(signInPath(new URL('http://x/profiel?tab=1'))).toBe('/inloggen?terug=%2Fprofiel%3Ftab%3D1');
  });
});
