import { isUUID } from 'class-validator';
import type { OrganisationSummary } from '@baytaq/read-models';
import type { RowRejection } from './import.events';

const KATO = /^\d{9}$/;

type Branch = Pick<OrganisationSummary, 'id' | 'kind' | 'kato' | 'established' | 'dissolved'>;

const activeOn = (b: Branch, date: string): boolean => b.established <= date && (!b.dissolved || date < b.dissolved);

/**
 * The `branch` column names an organisation by id or by its KATO code. A code held by several
 * branches (primary branches of one district) names the one active on the admission date, and
 * is ambiguous when that is not exactly one. Whether the branch may take members on that date
 * is the admission decider's question, not this one's.
 */
export class BranchDirectory {
  private readonly byId = new Set<string>();
  private readonly byKato = new Map<string, Branch[]>();

  constructor(organisations: readonly Branch[]) {
    for (const o of organisations) {
      this.byId.add(o.id);
      if (!o.kato || o.kind === 'body') continue;
      const same = this.byKato.get(o.kato);
      if (same) same.push(o);
      else this.byKato.set(o.kato, [o]);
    }
  }

  resolve(value: string, date: string): { ok: true; id: string } | { ok: false; rejection: RowRejection } {
    const refuse = (code: string, message: string) => ({
      ok: false as const,
      rejection: { field: 'branch', code, message },
    });
    if (isUUID(value)) {
      const id = value.toLowerCase();
      return this.byId.has(id) ? { ok: true, id } : refuse('organisation.not_found', `no organisation ${id}`);
    }
    if (!KATO.test(value)) {
      return refuse('field.invalid', 'branch must be an organisation id (UUID) or a 9-digit KATO code');
    }
    const holders = this.byKato.get(value) ?? [];
    if (holders.length === 1) return { ok: true, id: holders[0]!.id };
    const active = holders.filter((b) => activeOn(b, date));
    if (active.length === 1) return { ok: true, id: active[0]!.id };
    if (holders.length === 0) return refuse('organisation.not_found', `no branch has the KATO code ${value}`);
    return refuse(
      'import.branch_ambiguous',
      `${active.length || holders.length} branches have the KATO code ${value} on ${date}: name the branch by its id`,
    );
  }
}
