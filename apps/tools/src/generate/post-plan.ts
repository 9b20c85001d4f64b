import type { MultilingualName, PostRole } from '@baytaq/domain';
import type { OrgPlan, PostPlan } from './plan-types';
import type { SyntheticIds } from './synthetic-ids';

interface PostShape {
  role: PostRole;
  seats: number;
  title: (of: MultilingualName) => MultilingualName;
}

const CHAIR = (of: MultilingualName): MultilingualName => ({
  kk: `${of.kk}: төраға`,
  ru: `Председатель: ${of.ru}`,
  en: `Chair of the ${of.en}`,
});
const DEPUTY = (of: MultilingualName): MultilingualName => ({
  kk: `${of.kk}: төрағаның орынбасары`,
  ru: `Заместитель председателя: ${of.ru}`,
  en: `Deputy chair of the ${of.en}`,
});
const SECRETARY = (of: MultilingualName): MultilingualName => ({
  kk: `${of.kk}: хатшы`,
  ru: `Секретарь: ${of.ru}`,
  en: `Secretary of the ${of.en}`,
});
const MEMBER = (of: MultilingualName): MultilingualName => ({
  kk: `${of.kk}: мүше`,
  ru: `Член: ${of.ru}`,
  en: `Member of the ${of.en}`,
});

/** The posts the charter gives each kind of unit: one chair, deputies, a secretary; councils of several seats. */
function shapesOf(org: OrgPlan): PostShape[] {
  switch (org.kind) {
    case 'party':
      return [
        { role: 'chair', seats: 1, title: CHAIR },
        { role: 'deputy_chair', seats: 3, title: DEPUTY },
        { role: 'secretary', seats: 1, title: SECRETARY },
      ];
    case 'regional_branch':
      return [
        { role: 'chair', seats: 1, title: CHAIR },
        { role: 'deputy_chair', seats: 2, title: DEPUTY },
        { role: 'secretary', seats: 1, title: SECRETARY },
      ];
    case 'body': {
      const ofParty = org.parent?.kind === 'party';
      const seats = org.bodyType === 'political_council' ? (ofParty ? 21 : 11) : ofParty ? 7 : 5;
      return [{ role: 'member', seats, title: MEMBER }];
    }
    default:
      return [
        { role: 'chair', seats: 1, title: CHAIR },
        { role: 'deputy_chair', seats: 1, title: DEPUTY },
        { role: 'secretary', seats: 1, title: SECRETARY },
      ];
  }
}

/** Every unit's posts, created the day it is established. */
export function planPosts(orgs: readonly OrgPlan[], ids: SyntheticIds): PostPlan[] {
  return orgs.flatMap((org) =>
    shapesOf(org).map((shape) => ({
      id: ids.next('post'),
      org,
      role: shape.role,
      seats: shape.seats,
      title: shape.title(org.name),
      created: org.established,
    })),
  );
}
