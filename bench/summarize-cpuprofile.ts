// `node --import tsx bench/summarize-cpuprofile.ts FILE.cpuprofile`: self time by package and the
// top functions of a V8 CPU profile.
import { readFileSync } from "node:fs";
import { type Profile, summarizeProfile } from "./lib/cpu-profile.ts";

const file = process.argv[2];
if (!file) throw new Error("usage: bench/summarize-cpuprofile.ts FILE.cpuprofile");
console.log(summarizeProfile(JSON.parse(readFileSync(file, "utf8")) as Profile));
