// better-auth's HTTP endpoints, only those the app uses (auth-routes.ts); any other answers 404.
import { AppError } from "@strides/content";
import { toNextJsHandler } from "better-auth/next-js";
import { apiError } from "@/lib/api";
import { auth } from "@/lib/auth";
import { isPublicAuthEndpoint } from "@/lib/auth-routes";

const handler = toNextJsHandler(auth.handler);

function served(handle: (request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> =>
    isPublicAuthEndpoint(request.method, new URL(request.url).pathname)
      ? handle(request)
      : apiError(new AppError("NOT_FOUND", "no such endpoint"));
}

export const GET = served(handler.GET);
export const POST = served(handler.POST);
