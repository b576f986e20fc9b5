/** The production server's node flags for its environment (see server-node-flags.mjs). */
export declare function serverNodeFlags(env?: Record<string, string | undefined>): string[];
/** The production server's environment: `env` with the allocator setting (see server-node-flags.mjs). */
export declare function serverEnv<E extends Record<string, string | undefined>>(
  env?: E,
): E & { MALLOC_ARENA_MAX: string };
/** The pages process's node flags, from the front's (see server-node-flags.mjs). */
export declare function pagesNodeFlags(execArgv?: string[]): string[];
