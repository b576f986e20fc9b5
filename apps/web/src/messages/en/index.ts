// Messages by feature; each feature keeps its own file and namespaces. Merged here.
import account from "./account.json";
import admin from "./admin.json";
import authoring from "./authoring.json";
import common from "./common.json";
import groups from "./groups.json";

export default { ...common, ...account, ...admin, ...authoring, ...groups };
