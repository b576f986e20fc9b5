// Node flags of the production server (`npm start`, and the bench and reliability tests' server).
// V8 normally lets the old generation grow to several times its live size before a full collection:
// the Next server lives in ~140 MB but reached ~500 MB of heap (930 MB RSS) while streaming a
// 640k-log backup, all of it garbage. A growth factor of 1.2 collects sooner (peak RSS ~490 MB in
// the same download, 10% slower); unlike --max-old-space-size it sets no ceiling, so a large
// import can still use the memory it needs. (--max-semi-space-size=4 was tried: the instructor
// suite's peak RSS 585 → 553 MB, but the review p99 with dashboards went from 1.9× to 3.0× alone
// on both databases, young objects promoted early; not kept.)
export const SERVER_NODE_FLAGS = ["--heap-growing-percent=20"];
