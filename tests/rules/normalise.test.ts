import { describe, expect, test } from 'vitest';
import { ChannelFormatError, normaliseEmail, normalisePhone } from '../../src/rules/normalise.js';

describe('normalisePhone', () => {
  test.each([
    ['03632 / 741 - 273', '+493632741273'],
    ['0162 / 2435214', '+491622435214'],
    ['03632 / 741 - 88252', '+49363274188252'],
    ['03695 615803', '+493695615803'],
    ['03693 / 485 8144', '+4936934858144'],
    ['+49 3632 741273', '+493632741273'],
    ['03606 650123 (Sekretariat)', '+493606650123'],
  ])('%s → %s', (printed, e164) => {
    expect(normalisePhone(printed)).toBe(e164);
  });

  test.each(['12', 'E-Mail senden', ''])('%j is refused with the printed value in the message', (printed) => {
    expect(() => normalisePhone(printed)).toThrow(ChannelFormatError);
    expect(() => normalisePhone(printed)).toThrow(`"${printed}"`);
  });

  test.each([
    ['650-123', 'has no area code'],
    ['741 273', 'has no area code'],
    ['03632 / 74O-273', 'has a letter among its digits'],
    ['0162 / 24352l4', 'has a letter among its digits'],
    ['03632 / 74127O', 'has a letter among its digits'],
    ['03632 / 741 I 273', 'has a letter among its digits'],
  ])('%j is refused: %s', (printed, reason) => {
    expect(() => normalisePhone(printed)).toThrow(`"${printed}" ${reason}`);
  });

  test('a label before the number is not the number', () => {
    expect(normalisePhone('Tel. 03632 / 741-273')).toBe('+493632741273');
  });
});

describe('normaliseEmail', () => {
  test.each([
    ['integrationslotse[at]kyffhaeuser.de', 'integrationslotse@kyffhaeuser.de'],
    ['l.lange(a)lra-sm.de', 'l.lange@lra-sm.de'],
    ['A.Ziegner@Kyffhaeuser.de', 'a.ziegner@kyffhaeuser.de'],
    ['info (at) example.org', 'info@example.org'],
  ])('%s → %s', (printed, address) => {
    expect(normaliseEmail(printed)).toBe(address);
  });

  test.each(['E-Mail senden', 'x@y', 'two@at@signs.de'])('%j is refused', (printed) => {
    expect(() => normaliseEmail(printed)).toThrow(ChannelFormatError);
  });
});
