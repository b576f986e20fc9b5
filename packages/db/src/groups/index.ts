export { acceptInvite, describeInvite, type InviteLookup } from "./accept-invite.ts";
export { changeMemberRole } from "./change-member-role.ts";
export { createGroup } from "./create-group.ts";
export { createInvite, hashInviteToken } from "./create-invite.ts";
export { cardsCsv, membersCsv } from "./dashboard-csv.ts";
export { findGroupBySlug } from "./find-group-by-slug.ts";
export {
  type CardRow,
  DASHBOARD_CARD_PAGE_SIZE,
  DASHBOARD_MEMBER_PAGE_SIZE,
  type GroupDashboard,
  getDashboardCards,
  getDashboardMembers,
  getGroupDashboard,
  type MemberRow,
} from "./get-group-dashboard.ts";
export {
  GROUP_MEMBER_PAGE_SIZE,
  type GroupOverview,
  getGroupOverview,
} from "./get-group-overview.ts";
export { type InstanceUserRow, listInstanceUsers, setInstanceRole } from "./instance-admin.ts";
export { leaveGroup } from "./leave-group.ts";
export { type GroupListItem, listGroupsForUser } from "./list-groups-for-user.ts";
export { listSubscribableDecks } from "./list-subscribable-decks.ts";
export { deleteGroup, renameGroup } from "./manage-group.ts";
export {
  type Actor,
  assignableRoles,
  can,
  DECK_ACTIONS,
  DECK_RULES,
  type DeckAction,
  type DeckRule,
  GROUP_ACTIONS,
  GROUP_ROLES,
  type GroupAction,
  type GroupRole,
  INSTANCE_ACTIONS,
  type InstanceAction,
  type InstanceRole,
  isGroupRole,
  MEMBER_ACTIONS,
  type MemberAction,
  type TargetAccount,
} from "./permissions.ts";
export { removeMember } from "./remove-member.ts";
export { groupRoleOf, loadActor, requireGroupPermission } from "./require-group-permission.ts";
export { revokeInvite } from "./revoke-invite.ts";
export {
  PRESET_FIELDS,
  type TGroupPreset,
  ZCreateGroup,
  ZCreateInvite,
  ZGroupPreset,
} from "./schema.ts";
export { setGroupPreset } from "./set-group-preset.ts";
export { subscribeDeck, unsubscribeDeck } from "./subscribe-deck.ts";
