// Messages by feature; each feature keeps its own file and namespaces. Merged here.
import account from "./account.json";
import admin from "./admin.json";
import authoring from "./authoring.json";
import cards from "./cards.json";
import common from "./common.json";
import dashboardPages from "./dashboard-pages.json";
import errors from "./errors.json";
import experience from "./experience.json";
import groups from "./groups.json";
import importIssues from "./import-issues.json";
import importCuration from "./importCuration.json";
import offline from "./offline.json";
import paging from "./paging.json";
import recovery from "./recovery.json";
import review from "./review.json";
import settings from "./settings.json";
import stats from "./stats.json";

export default {
  ...common,
  ...review,
  ...stats,
  ...settings,
  ...cards,
  ...groups,
  ...dashboardPages,
  ...paging,
  ...authoring,
  ...importCuration,
  ...admin,
  ...account,
  ...errors,
  ...recovery,
  ...offline,
  ...experience,
  ...importIssues,
};
