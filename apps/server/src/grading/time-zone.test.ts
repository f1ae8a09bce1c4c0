import { formatInZone, isTimeZone, parseDeadline } from './time-zone';

describe('deadlines in the classroom time zone', () => {
  it('reads local wall time in the zone, winter and summer', () => {
    expect(new Date(parseDeadline('2026-01-15T23:59', 'Europe/Madrid')!).toISOString()).toBe('2026-01-15T22:59:00.000Z');
    expect(new Date(parseDeadline('2026-07-15 23:59:30', 'Europe/Madrid')!).toISOString()).toBe('2026-07-15T21:59:30.000Z');
    expect(new Date(parseDeadline('2026-01-15T09:00', 'America/Mexico_City')!).toISOString()).toBe('2026-01-15T15:00:00.000Z');
    expect(new Date(parseDeadline('2026-01-15T09:00', 'UTC')!).toISOString()).toBe('2026-01-15T09:00:00.000Z');
  });
  it('takes an explicit offset as given', () => {
    expect(new Date(parseDeadline('2026-01-15T23:59:00Z', 'Europe/Madrid')!).toISOString()).toBe('2026-01-15T23:59:00.000Z');
    expect(new Date(parseDeadline('2026-01-15T23:59:00+05:30', 'UTC')!).toISOString()).toBe('2026-01-15T18:29:00.000Z');
  });
  it('refuses what is not a time', () => {
    expect(parseDeadline('tomorrow', 'UTC')).toBeUndefined();
    expect(parseDeadline('2026-02-30T10:00', 'UTC')).toBeUndefined();
    expect(parseDeadline('2026-01-15T25:00', 'UTC')).toBeUndefined();
  });
  it('shows an instant in the zone with its offset', () => {
    expect(formatInZone(Date.parse('2026-01-15T22:59:00Z'), 'Europe/Madrid')).toBe('2026-01-15T23:59:00+01:00');
    expect(formatInZone(Date.parse('2026-07-15T21:59:00Z'), 'Europe/Madrid')).toBe('2026-07-15T23:59:00+02:00');
    expect(formatInZone(Date.parse('2026-01-15T15:00:00Z'), 'America/Mexico_City')).toBe('2026-01-15T09:00:00-06:00');
    expect(isTimeZone('Europe/Madrid')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
