// The learner's settings: the settings page (load, save), the first visit's time zone, and the
// language and time zone every page renders in.
export { adoptBrowserTimeZone } from "./adopt-browser-time-zone.ts";
export {
  isTimeZone,
  type LearnerSettingsInput,
  type LearnerSettingsView,
  type LocaleSetting,
  loadLearnerSettings,
  OVERRIDABLE_FIELDS,
  type OverridableField,
  saveLearnerSettings,
  type ThemeSetting,
} from "./learner-settings.ts";
export { loadViewerSettings, type ViewerSettings } from "./viewer-settings.ts";
