import { nameBasedUuid, timeOrderedUuid } from './deterministic-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-([0-9a-f])[0-9a-f]{3}-([89ab])[0-9a-f]{3}-[0-9a-f]{12}$/;

describe('ids the registry makes', () => {
  it('makes version 7 UUIDs that sort in the order they were made, within a millisecond and across', () => {
    const ids = [
      ...Array.from({ length: 5000 }, () => timeOrderedUuid(1_800_000_000_000)),
      ...Array.from({ length: 3 }, () => timeOrderedUuid(1_800_000_000_001)),
      timeOrderedUuid(1_799_999_999_000), // the clock went back
    ];
    for (const id of ids) expect(UUID.exec(id)?.slice(1)).toEqual(['7', expect.stringMatching(/[89ab]/)]);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]!.slice(0, 13).replace('-', '')).toBe((1_800_000_000_000).toString(16).padStart(12, '0'));
  });

  it('derives the same version 5 UUID from the same name, and another from another', () => {
    expect(nameBasedUuid('idem/1')).toBe(nameBasedUuid('idem/1'));
    expect(nameBasedUuid('idem/1')).not.toBe(nameBasedUuid('idem/2'));
    expect(UUID.exec(nameBasedUuid('idem/1'))?.[1]).toBe('5');
  });
});
