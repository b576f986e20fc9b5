// Limits shared by the browser and the server, in a module of their own (no zod in the page).

/** At most this many reviews in one batch (the server's REVIEW_BATCH_MAX). */
export const BATCH_MAX = 500;
