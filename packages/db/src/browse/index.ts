// The card browser: search and one card's detail.
export { type CardDetail, getCardDetail } from "./get-card-detail.ts";
export {
  CARD_DUE_FILTERS,
  CARD_STATE_FILTERS,
  type CardSearchResult,
  type CardSearchRow,
  searchCards,
  type TCardDueFilter,
  type TCardStateFilter,
} from "./search-cards.ts";
