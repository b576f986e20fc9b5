export { cardsFromFields, type TCardFields, ZCardFields } from "./card-from-fields.ts";
export { createDeck, ZCreateDeck } from "./create-deck.ts";
export {
  applyImportCuration,
  EMPTY_CURATION,
  listImportRejections,
  type TImportCuration,
  ZImportCuration,
} from "./curate-deck-import.ts";
export { MAX_DECK_PATH_LENGTH, normalizeDeckPath } from "./normalize-deck-path.ts";
export {
  type ImportPreview,
  type ImportPreviewCard,
  previewDeckImport,
} from "./preview-deck-import.ts";
export { publishDeckImport } from "./publish-deck-import.ts";
export {
  ankiFieldToMarkdown,
  type ColumnMapping,
  readAnkiText,
  readCsv,
  splitDelimited,
  type TabularFile,
  type TabularIssue,
  type TabularRow,
  tabularToNote,
} from "./read-tabular.ts";
export {
  authorDeckSlug,
  canAuthorDeck,
  getAuthorDeck,
  listAuthorDecks,
  requireDeckAuthor,
} from "./require-deck-author.ts";
export {
  EDITOR_NOTE_PATH,
  getCardForEdit,
  listDeckCardsForAuthor,
  saveEditorCard,
  setCardRetired,
} from "./save-editor-card.ts";
export {
  type DeckAssetInput,
  listDeckAssetPaths,
  MAX_ASSET_BYTES,
  normalizeAssetPath,
  readDeckAsset,
  sniffImageType,
  storeDeckAssets,
} from "./store-deck-assets.ts";
