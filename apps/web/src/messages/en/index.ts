// Messages by feature; each feature keeps its own file and namespaces. Merged here.
import common from "./common.json";

export default { ...common };
