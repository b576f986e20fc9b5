// Module resolution for the production server (server.ts): `server-only` is the marker Next resolves
// to an empty module for server code (the "react-server" condition); outside Next's bundler it
// would throw, so it resolves the same way here. Nothing else is changed.
export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") {
    return nextResolve(specifier, {
      ...context,
      conditions: [...context.conditions, "react-server"],
    });
  }
  return nextResolve(specifier, context);
}
