export { type FilingMoment, fullNameOrNull, nameIn } from './filing-moment';
export { nameSortKey } from './name-order';
export { pairSuccessions, type SeatTenure, type Succession } from './succession';
export { branchDeadline, type LawRuleSet, lawRuleSets, ruleSetOn } from './law-rule-sets';
export { type BranchRegistrationData, type RegionalBranch } from './branch-registration';
export { buildStructure, type StructureData, type StructureNode, type StructureRegistration } from './structure';
export {
  buildLeadershipChanges,
  type LeadershipData,
  type LeadershipMeeting,
  type LeadershipTenure,
} from './leadership-changes';
export { buildMembershipCompliance, type ComplianceData } from './membership-compliance';
export { buildMemberList, type MemberListData, type MemberListEntry } from './member-list';
