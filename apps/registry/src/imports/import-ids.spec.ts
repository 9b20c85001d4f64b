import { importedPersonId, newImportId } from './import-ids';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-([0-9a-f])[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('import ids', () => {
  it('makes import ids of version 7 that start with the time, so later imports sort after earlier ones', () => {
    const earlier = newImportId(Date.UTC(2024, 0, 1));
    const later = newImportId(Date.UTC(2024, 0, 1, 0, 0, 0, 1));
    expect(UUID.exec(earlier)?.[1]).toBe('7');
    expect(earlier.replace(/-/g, '').slice(0, 12)).toBe(Date.UTC(2024, 0, 1).toString(16).padStart(12, '0'));
    expect(earlier < later).toBe(true);
  });

  it('derives version 8 person ids from the import and the row: the same inputs, the same id; rows in order', () => {
    const importId = newImportId();
    const ids = [1, 2, 3, 1000, 65_536, 4_000_000].map((row) => importedPersonId(importId, row));
    ids.forEach((id) => expect(UUID.exec(id)?.[1]).toBe('8'));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(importedPersonId(importId, 2)).toBe(ids[1]);
    expect(importedPersonId(newImportId(), 2)).not.toBe(ids[1]);
  });

  it('refuses a row number outside 1 to 2^32-1', () => {
    expect(() => importedPersonId(newImportId(), 0)).toThrow(RangeError);
    expect(() => importedPersonId(newImportId(), 2 ** 32)).toThrow(RangeError);
  });
});
