// The content package's Node-only surface: what reads files. Kept out of the main entry so that
// browser bundles of the web app never include it.
export {
  loadShippedDeck,
  type ShippedDeck,
  shippedDeckDir,
  type TShippedDeckManifest,
  ZShippedDeckManifest,
} from "./notes/shipped-deck.ts";
