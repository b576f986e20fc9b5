export {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  backupInstance,
  type InstanceBackup,
  isInstanceEmpty,
  restoreInstance,
  restoreInstanceFromStream,
  streamInstanceBackup,
} from "./backup-instance.ts";
export { deleteAccount } from "./delete-account.ts";
export {
  exportLearnerData,
  type LearnerExport,
  type LearnerExportFile,
  streamLearnerData,
} from "./export-learner-data.ts";
export { BACKUP_TABLES } from "./tables.ts";
