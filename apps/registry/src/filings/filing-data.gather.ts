import {
  type BranchRegistrationData,
  type MemberListData,
  type MemberListEntry,
  type StructureNode,
} from '@baytaq/filings';
import { organisationStream, personStream } from '@baytaq/domain';
import { type AsOf, type OrganisationSummary, type RegistryReads, type TreeNode } from '@baytaq/read-models';
import { ProblemError } from '../http/problem';
import { notFound } from '../reads/read-access';

const MEMBER_PAGE = 1_000;

/** The tree on the day with what the structure filing adds to each branch: its registration and its head's start. */
export function structureNodes(reads: RegistryReads, q: AsOf, sources?: Set<string>): StructureNode[] {
  const toNode = (node: TreeNode): StructureNode => {
    sources?.add(organisationStream(node.id));
    if (node.head) sources?.add(personStream(node.head.personId));
    const branch = node.kind !== 'body' && node.status === 'active';
    const detail = branch ? reads.organisations.detail(node.id, q) : null;
    const holder = node.head
      ? detail?.posts.find((p) => p.id === node.head!.postId)?.holders.find((h) => h.personId === node.head!.personId)
      : undefined;
    return {
      kind: node.kind,
      name: node.name,
      // The tree holds only organisations founded by the day.
      status: node.status === 'dissolved' ? 'dissolved' : 'active',
      kato: node.kato,
      // Registrations come in order of date; the latest one made by the day is the one in force.
      registration: detail?.registrations.at(-1) ?? null,
      head: node.head && holder ? { name: node.head.name, since: holder.from, method: holder.method } : null,
      memberCount: node.totalMemberCount,
      children: node.children.map(toNode),
    };
  };
  return reads.structure.tree(q).map(toNode);
}

/**
 * The members on the day of a branch and of every branch under it, each with the day they were
 * admitted to the party (not to the branch), their card and IIN.
 */
export function memberListData(
  reads: RegistryReads,
  organisationId: string,
  q: AsOf,
  sources?: Set<string>,
): MemberListData {
  const organisation = reads.organisations.summary(organisationId, q);
  if (!organisation) throw notFound('organisation', organisationId);
  if (organisation.kind === 'body') {
    throw ProblemError.of(422, 'filing.not_a_branch', `${organisationId} is a collegial body: bodies have no members`, {
      organisationId,
    });
  }
  if (organisation.established > q.asOf || organisation.status !== 'active') {
    throw ProblemError.of(422, 'organisation.not_active', `Organisation ${organisationId} is not active on ${q.asOf}`, {
      organisationId,
      asOf: q.asOf,
    });
  }
  const branches = subtree(reads.organisations.list(q), organisation);
  const members: MemberListEntry[] = [];
  for (const branch of branches) {
    sources?.add(organisationStream(branch.id));
    for (let after = ''; ;) {
      const page = reads.people.members(branch.id, q, after, MEMBER_PAGE);
      for (const m of page) {
        sources?.add(personStream(m.personId));
        members.push({
          personId: m.personId,
          name: m.name,
          iin: m.personal.iin,
          admissionDate: m.membershipFrom,
          cardNumber: m.cardNumber,
          organisation: branch.name,
        });
      }
      if (page.length < MEMBER_PAGE) break;
      after = page.at(-1)!.personId;
    }
  }
  return { organisation: organisation.name, includesSubBranches: branches.length > 1, members };
}

/** The organisation and its active branches below it on the day (bodies have no members). */
function subtree(all: OrganisationSummary[], root: OrganisationSummary): OrganisationSummary[] {
  const children = new Map<string, OrganisationSummary[]>();
  for (const o of all) {
    if (o.parentId === null || o.kind === 'body' || o.status !== 'active') continue;
    const siblings = children.get(o.parentId);
    if (siblings) siblings.push(o);
    else children.set(o.parentId, [o]);
  }
  const found: OrganisationSummary[] = [];
  const visit = (o: OrganisationSummary) => {
    found.push(o);
    (children.get(o.id) ?? []).forEach(visit);
  };
  visit(root);
  return found;
}

/**
 * For the compliance filing's late branch registrations: the party's first registration by the
 * day, and every regional branch active that day with its first registration by then.
 */
export function branchRegistrationData(
  reads: RegistryReads,
  partyId: string,
  q: AsOf,
  sources?: Set<string>,
): BranchRegistrationData {
  sources?.add(organisationStream(partyId));
  const firstRegistration = (id: string) => reads.organisations.detail(id, q)?.registrations[0]?.date ?? null;
  const regionalBranches = reads.organisations
    .list(q)
    .filter((o) => o.kind === 'regional_branch' && o.status === 'active' && o.kato !== null)
    .map((o) => {
      sources?.add(organisationStream(o.id));
      return { kato: o.kato!, name: o.name, registered: firstRegistration(o.id) };
    });
  return { partyRegistered: firstRegistration(partyId), regionalBranches };
}
