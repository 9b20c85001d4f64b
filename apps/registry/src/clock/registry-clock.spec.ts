import { RegistryClock } from './registry-clock';

describe('RegistryClock', () => {
  it("gives the date in the registry's time zone, not in UTC", () => {
    const clock = new RegistryClock({ timezone: 'Asia/Almaty' });
    // 20:30 UTC on 31 December is already 1 January in Almaty (UTC+5 since 2024, UTC+6 before).
    expect(clock.today(new Date('2025-12-31T20:30:00Z'))).toBe('2026-01-01');
    expect(clock.today(new Date('2025-12-31T12:00:00Z'))).toBe('2025-12-31');
    expect(new RegistryClock({ timezone: 'UTC' }).today(new Date('2025-12-31T20:30:00Z'))).toBe('2025-12-31');
  });
});
